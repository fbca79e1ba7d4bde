import type { FindQuery, FindResult, ReadDocument, ReadStore, VersionedDocument } from '../../core/read-store.port';

/**
 * The read store as one request sees it: the same `find` (same collection, filter, sort, page)
 * or `getMany` (same ids) asked by several KPIs of a dashboard is read and parsed once — revenue,
 * profit margin and revenue per hour all read the period's invoices and clients. Lives as long as
 * the request; writes and everything else go straight through.
 */
const memos = new WeakMap<ReadStore, Map<string, Promise<unknown>>>();

/**
 * Values derived from reads that several KPIs of one request need (the period's invoice sums for
 * revenue, profit margin and cash flow), computed once per request: `compute` runs the first time
 * `key` is asked on this request's store. On a store that is not a request's, `compute` runs every
 * time (nothing would tell a longer-lived memo that the read models moved).
 */
export function oncePerRequest<T>(reads: ReadStore, key: string, compute: () => Promise<T>): Promise<T> {
  const memo = memos.get(reads);
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
  }
  return value;
}

export function requestReads(reads: ReadStore): ReadStore {
  const found = new Map<string, Promise<FindResult<ReadDocument>>>();
  const find = <D extends ReadDocument>(collection: string, query?: FindQuery): Promise<FindResult<D>> => {
    const key = `${collection}\u0000${JSON.stringify(query ?? {})}`;
    let result = found.get(key);
    if (!result) {
      result = reads.find<ReadDocument>(collection, query);
      found.set(key, result);
      result.catch(() => found.delete(key));
    }
    // Each caller gets its own array: a KPI may sort or filter what it was given. The cursors stay
    // the page's own, encoded only if someone asks.
    return result.then((page) => ({
      documents: [...page.documents],
      nextCursor: page.nextCursor,
      get cursors() {
        return page.cursors;
      },
    })) as Promise<FindResult<D>>;
  };
  const gotten = new Map<string, Promise<ReadonlyMap<string, VersionedDocument<ReadDocument>>>>();
  const getMany = <D extends ReadDocument>(collection: string, ids: readonly string[]): Promise<Map<string, VersionedDocument<D>>> => {
    const key = `${collection}\u0000${JSON.stringify(ids)}`;
    let result = gotten.get(key);
    if (!result) {
      result = reads.getMany<ReadDocument>(collection, ids);
      gotten.set(key, result);
      result.catch(() => gotten.delete(key));
    }
    return result.then((found) => new Map(found)) as Promise<Map<string, VersionedDocument<D>>>;
  };
  const proxy = new Proxy(reads, {
    get(target, property, receiver) {
      if (property === 'find') return find;
      if (property === 'getMany') return getMany;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  memos.set(proxy, new Map());
  return proxy;
}
