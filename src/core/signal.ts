/** A timer that never keeps the process alive on its own. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** A one-shot broadcast, renewed on every fire: `next()` resolves at the next `fire()`. */
export class Signal {
  private resolve: () => void = () => undefined;
  private current = this.renew();

  next(): Promise<void> {
    return this.current;
  }

  fire(): void {
    const resolve = this.resolve;
    this.current = this.renew();
    resolve();
  }

  private renew(): Promise<void> {
    return new Promise<void>((resolve) => (this.resolve = resolve));
  }
}
