import type { FindQuery, FindResult, ReadDocument, ReadStore, VersionedDocument } from '../../core/read-store.port';

/**
 * The read store as one request sees it: the same `find` (same collection, filter, sort, page)
 * asked by several KPIs of a dashboard is read and parsed once, and so is each document read by id
 * — revenue, profit margin and revenue per hour all read the period's invoices and clients, each
 * point of a series its clients. Lives as long as the request; writes and everything else go
 * straight through.
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
  // Documents by id, per collection: a KPI asking for ids another already read (the clients of each
  // point of a series, of revenue and of profit margin) reads only those not read yet. Each id maps
  // to the read that fetched it (one promise per read, not per id: a series asks for thousands).
  const byId = new Map<string, Map<string, Promise<Map<string, VersionedDocument<ReadDocument>>>>>();
  const getMany = async <D extends ReadDocument>(collection: string, ids: readonly string[]): Promise<Map<string, VersionedDocument<D>>> => {
    let known = byId.get(collection);
    if (!known) byId.set(collection, (known = new Map()));
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length > 0) {
      const read = reads.getMany<ReadDocument>(collection, missing);
      for (const id of missing) known.set(id, read);
      // Awaited below or by a later caller; a failed read is forgotten, so a later ask reads again.
      read.catch(() => {
        for (const id of missing) if (known.get(id) === read) known.delete(id);
      });
    }
    const readsOfIds = ids.map((id) => known.get(id)!);
    const settled = new Map<Promise<Map<string, VersionedDocument<ReadDocument>>>, Map<string, VersionedDocument<ReadDocument>>>();
    for (const read of new Set(readsOfIds)) settled.set(read, await read);
    const found = new Map<string, VersionedDocument<D>>();
    ids.forEach((id, index) => {
      const versioned = settled.get(readsOfIds[index]!)!.get(id);
      if (versioned) found.set(id, versioned as VersionedDocument<D>);
    });
    return found;
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
