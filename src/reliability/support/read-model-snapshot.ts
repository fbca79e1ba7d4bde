import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import type { EventStore } from '../../core/event-store.port';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadDocument, ReadStore } from '../../core/read-store.port';
import type { Projection } from '../../core/projection';

/** Every document of every read model, by collection and id, with the position of the last event applied. */
export type Snapshot = Record<string, Record<string, { readonly document: ReadDocument; readonly position: string }>>;

/** Documents (or anything comparable) by collection and id. */
export type DocumentsByCollection = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const pageSize = 1_000;

/** The read models of `projections` (those the app under test keeps: `keptProjections` of its configuration). */
export async function snapshotReadModels(reads: ReadStore, projections: readonly Projection[]): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const { name } of projections) {
    const documents: ReadDocument[] = [];
    let after: string | undefined;
    do {
      const page = await reads.find(name, { limit: pageSize, ...(after === undefined ? {} : { after }) });
      documents.push(...page.documents);
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    const versions = await reads.getMany(name, documents.map((document) => document._id));
    // A sum document (DerivedSums) is written at the position of the batch that last changed it, which depends on the batching: content only.
    const positionOf = (document: ReadDocument) => ('_sum' in document ? 'batch' : String(versions.get(document._id)!.position));
    snapshot[name] = Object.fromEntries(documents.map((document) => [document._id, { document, position: positionOf(document) }]));
  }
  return snapshot;
}

/**
 * The read models a from-scratch rebuild gives: a fresh in-memory read store and one runner over
 * `projections`, caught up with the log's head.
 */
export async function rebuiltFromLog(events: EventStore, projections: readonly Projection[], timeoutMs = 600_000): Promise<Snapshot> {
  const reads = await openSqliteReadStore({ path: ':memory:' });
  const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections, batchSize: 1_000 });
  try {
    await runner.start();
    const head = await events.headPosition();
    if (head !== null && !(await runner.waitFor(head, timeoutMs))) throw new Error(`the rebuild did not reach position ${head} within ${timeoutMs} ms`);
    const failed = runner.status().filter((status) => status.failure !== null);
    if (failed.length > 0) throw new Error(`the rebuild failed: ${JSON.stringify(failed.map((status) => status.failure))}`);
    return await snapshotReadModels(reads, projections);
  } finally {
    await runner.stop();
    await reads.close();
  }
}

/** `collection/id` of every document that differs, or exists on one side only. */
export function divergingDocuments(left: DocumentsByCollection, right: DocumentsByCollection, same: (a: unknown, b: unknown) => boolean = sameJson): string[] {
  const diverging: string[] = [];
  for (const name of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const a = left[name] ?? {};
    const b = right[name] ?? {};
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) if (!same(a[id], b[id])) diverging.push(`${name}/${id}`);
  }
  return diverging.sort();
}

/** Deep equality of JSON values, whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : inner,
  );
}
