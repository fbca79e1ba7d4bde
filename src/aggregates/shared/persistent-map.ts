const bucketCount = 256;

function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % bucketCount;
}

/**
 * An immutable string-keyed map whose `set` copies one of 256 buckets instead of the whole map.
 * Aggregate states stay immutable (cached states are shared) without making each event cost a
 * copy of everything folded before it — a project with 20,000 time entries folds in milliseconds.
 */
export class PersistentMap<V> {
  private constructor(
    private readonly buckets: ReadonlyArray<ReadonlyMap<string, V> | undefined>,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(new Array<undefined>(bucketCount).fill(undefined), 0);
  }

  get(key: string): V | undefined {
    return this.buckets[bucketOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]?.has(key) ?? false;
  }

  set(key: string, value: V): PersistentMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index];
    const buckets = this.buckets.slice();
    buckets[index] = new Map(bucket).set(key, value);
    return new PersistentMap(buckets, this.size + (bucket?.has(key) ? 0 : 1));
  }
}
