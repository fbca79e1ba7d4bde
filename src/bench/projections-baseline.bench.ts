import type { EventStore } from '../core/event-store.port';
import type { Projection } from '../core/projection';
import type { ReadDocument } from '../core/read-store.port';

type Versioned = { document: ReadDocument | null; position: bigint };

/**
 * The floor under a rebuild: every event read once with `readAll` and folded through every
 * projection that handles it, documents kept in Maps — the runner's fold (`documentIds`,
 * `evolve`, skip what a document already applied, count `_events`) without batches, SQL or JSON
 * of documents. Returns the events read and the documents built per projection.
 */
export async function foldInMemory(store: EventStore, projections: readonly Projection[]): Promise<{ events: number; documents: Record<string, number> }> {
  const byType = new Map<string, Projection[]>();
  for (const projection of projections) for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);
  const collections = new Map<Projection, Map<string, Versioned>>(projections.map((projection) => [projection, new Map()]));
  let events = 0;
  for await (const event of store.readAll()) {
    events++;
    for (const projection of byType.get(event.type) ?? []) {
      const documents = collections.get(projection)!;
      for (const id of new Set(projection.documentIds(event))) {
        const current = documents.get(id);
        if (current && current.position >= event.position) continue;
        const next = projection.evolve(current?.document ?? null, event, id);
        const count = typeof current?.document?._events === 'number' ? current.document._events : 0;
        documents.set(id, { document: next && { ...next, _events: count + 1 }, position: event.position });
      }
    }
  }
  const documents = Object.fromEntries(projections.map((projection) => [projection.name, [...collections.get(projection)!.values()].filter((entry) => entry.document).length]));
  return { events, documents };
}
