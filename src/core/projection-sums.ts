import type { DocumentWrite, ReadDocument } from './read-store.port';

/** A stored document or its tombstone (the runner's `StoredState`, declared here so the two files need not import each other). */
interface StoredState {
  readonly document: ReadDocument | null;
}

/** What one document adds to one sum document: integer amounts under string keys. */
export interface Contribution {
  /** The sum document's id within the collection (a bucket such as `saved:d:2026-03-01`). */
  readonly bucket: string;
  readonly amounts: ReadonlyArray<readonly [key: string, amount: number]>;
}

/**
 * Sums a projection keeps of its own documents, for KPIs that would otherwise read every document
 * of a period: each document contributes amounts to a few sum documents, as a pure function of the
 * document alone. The runner subtracts what a document contributed before a batch and adds what it
 * contributes after it, in the same commit as the document, so any change (a retry, a void, a
 * deletion) moves its amounts exactly, whichever event caused it and whatever the event carries.
 * Amounts must be integers (sums of integers are exact in any order).
 */
export interface DerivedSums<D extends ReadDocument = ReadDocument> {
  of(document: D): readonly Contribution[];
}

/** A sum document: rows `[key, amount]` sorted by key, keys at zero left out. */
export interface SumDocument extends ReadDocument {
  readonly _sum: string;
  readonly rows: Array<[string, number]>;
}

export const sumDocumentId = (bucket: string): string => `Σ${bucket}`;

const isSumDocument = (document: ReadDocument | null | undefined): boolean => document != null && typeof document._sum === 'string';

/** Σ after − Σ before of the batch's writes, per bucket and key; buckets with no change left out. */
export function sumDeltas<D extends ReadDocument>(sums: DerivedSums<D>, writes: readonly DocumentWrite[], before: ReadonlyMap<string, StoredState>): Map<string, Map<string, number>> {
  const deltas = new Map<string, Map<string, number>>();
  const add = (document: ReadDocument | null | undefined, sign: 1 | -1) => {
    if (!document || isSumDocument(document)) return;
    for (const { bucket, amounts } of sums.of(document as D)) {
      let keys = deltas.get(bucket);
      if (!keys) deltas.set(bucket, (keys = new Map()));
      for (const [key, amount] of amounts) keys.set(key, (keys.get(key) ?? 0) + sign * amount);
    }
  };
  for (const write of writes) {
    add(before.get(write.id)?.document, -1);
    add(write.document, 1);
  }
  for (const [bucket, keys] of deltas) {
    for (const [key, amount] of keys) if (amount === 0) keys.delete(key);
    if (keys.size === 0) deltas.delete(bucket);
  }
  return deltas;
}

/** The sum document after adding `delta`; null (deleted) once every key is back at zero. */
export function addToSum(current: ReadDocument | null, bucket: string, delta: ReadonlyMap<string, number>): SumDocument | null {
  const totals = new Map<string, number>((current as SumDocument | null)?.rows ?? []);
  for (const [key, amount] of delta) totals.set(key, (totals.get(key) ?? 0) + amount);
  const rows = [...totals].filter(([, amount]) => amount !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return rows.length === 0 ? null : { _id: sumDocumentId(bucket), _sum: bucket, rows };
}

/**
 * The sum documents a batch's writes change, written at `position` (the batch's last applied
 * event). `load` gives the stored sum documents by id (those of a commit in flight included).
 */
export async function sumWrites<D extends ReadDocument>(
  sums: DerivedSums<D>,
  writes: readonly DocumentWrite[],
  before: ReadonlyMap<string, StoredState>,
  position: bigint,
  load: (ids: string[]) => Promise<ReadonlyMap<string, StoredState>>,
): Promise<DocumentWrite[]> {
  const deltas = sumDeltas(sums, writes, before);
  if (deltas.size === 0) return [];
  const stored = await load([...deltas.keys()].map(sumDocumentId));
  return [...deltas].map(([bucket, delta]) => {
    const id = sumDocumentId(bucket);
    return { id, position, document: addToSum(stored.get(id)?.document ?? null, bucket, delta) };
  });
}
