import type { DocumentFilter, ReadDocument, ReadStore } from '../../core/read-store.port';

const pageSize = 2_000;

/** Every document matching the filter, page by page, so no adapter returns one huge answer. */
export async function findEvery<D extends ReadDocument>(reads: ReadStore, collection: string, filter: DocumentFilter): Promise<D[]> {
  const documents: D[] = [];
  let after: string | undefined;
  do {
    const page = await reads.find<D>(collection, { filter, limit: pageSize, ...(after === undefined ? {} : { after }) });
    documents.push(...page.documents);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return documents;
}

export async function documentsByIds<D extends ReadDocument>(reads: ReadStore, collection: string, ids: Iterable<string>): Promise<Map<string, D>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await reads.getMany<D>(collection, unique);
  return new Map([...found].map(([id, versioned]) => [id, versioned.document]));
}

/** Each document of one collection once, so an invoice read by two queries feeds the event count once. */
export function distinctById<D extends ReadDocument>(documents: readonly D[]): D[] {
  return [...new Map(documents.map((document) => [document._id, document])).values()];
}
