import type { ReadDocument, ReadStore } from '../core/read-store.port';

export type ReadModelSnapshot = Record<string, Record<string, { document: ReadDocument; position: string }>>;

/**
 * Every document of each named collection, with the position of the last event applied to it. A
 * sum document (`DerivedSums`) is written at the position of the batch that last changed it, which
 * depends on how the log was cut into batches: its content is compared, its position is not.
 */
export async function snapshotReadModels(reads: ReadStore, names: readonly string[]): Promise<ReadModelSnapshot> {
  const collections: ReadModelSnapshot = {};
  for (const name of names) {
    const documents: ReadDocument[] = [];
    let after: string | undefined;
    do {
      const page = await reads.find(name, { limit: 1_000, ...(after === undefined ? {} : { after }) });
      documents.push(...page.documents);
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    const versions = await reads.getMany(name, documents.map((document) => document._id));
    const positionOf = (document: ReadDocument) => ('_sum' in document ? 'batch' : String(versions.get(document._id)!.position));
    collections[name] = Object.fromEntries(documents.map((document) => [document._id, { document, position: positionOf(document) }]));
  }
  return collections;
}
