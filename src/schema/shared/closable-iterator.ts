/**
 * An async iterator whose `return()` ends it at once. GraphQL calls `return()` when a client
 * unsubscribes; an async generator would queue that call behind a pending `next()` and keep the
 * underlying subscription open until the next event, which may never come.
 */
export interface ClosableIterator<T> extends AsyncIterableIterator<T> {
  return(): Promise<IteratorResult<T>>;
}

export function closableIterator<T>(next: () => Promise<IteratorResult<T>>, close: () => Promise<void> | void): ClosableIterator<T> {
  return {
    next,
    async return() {
      await close();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
