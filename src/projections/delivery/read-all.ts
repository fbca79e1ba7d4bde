import type { DocumentFilter, ReadDocument, ReadStore } from '../../core/read-store.port';

const pageSize = 2_000;

/** Every document matching the filter, read page by page so no adapter has to return one huge answer. */
export async function findAll<D extends ReadDocument>(reads: ReadStore, collection: string, filter: DocumentFilter): Promise<D[]> {
  const documents: D[] = [];
  let after: string | undefined;
  do {
    const page = await reads.find<D>(collection, { filter, limit: pageSize, ...(after === undefined ? {} : { after }) });
    documents.push(...page.documents);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return documents;
}
