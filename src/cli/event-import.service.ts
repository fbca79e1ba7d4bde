import { ConcurrencyError, isAppError } from '../core/errors';
import type { EventStore, ExpectedRevision } from '../core/event-store.port';
import type { NewEvent } from '../core/messages';
import { type ExportedEvent, parseExportedEvent } from './exported-event.parser';
import { asImported } from './imported-origin';

export interface ImportCounts {
  readonly read: number;
  readonly appended: number;
  /** Already in the store with the same id at the same revision: a re-import stores nothing. */
  readonly alreadyStored: number;
}

/** The store and the file disagree about a stream; nothing after it was imported. */
export class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
}

/** Consecutive events of one stream, appended together. */
interface Run {
  readonly stream: string;
  readonly first: bigint;
  readonly events: NewEvent[];
}

const maxRunLength = 500;
const expectedBefore = (revision: bigint): ExpectedRevision => (revision === 0n ? 'no_stream' : revision - 1n);

/**
 * Appends exported events in file order, a run of one stream's consecutive events at a time,
 * each with the revision the file gives it. Events already stored at their place are recognised
 * by the store (same id, same revision) and stored again nowhere.
 */
export async function appendExportedEvents(lines: AsyncIterable<string>, store: EventStore, onProgress?: (counts: ImportCounts) => void): Promise<ImportCounts> {
  // Positions only grow: an append answered with a position at or below the old head stored nothing.
  const headBefore = (await store.headPosition()) ?? -1n;
  const counts = { read: 0, appended: 0, alreadyStored: 0 };
  let run: Run | null = null;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const exported = asImported(parseExportedEvent(line, lineNumber));
    counts.read++;
    if (run && continuesRun(run, exported)) {
      run.events.push(exported.event);
      continue;
    }
    if (run) await appendRun(store, run, headBefore, counts);
    onProgress?.({ ...counts });
    run = { stream: exported.stream, first: exported.revision, events: [exported.event] };
  }
  if (run) await appendRun(store, run, headBefore, counts);
  return counts;
}

/** The next event of the run's stream, and room left in the run. */
function continuesRun(run: Run, exported: ExportedEvent): boolean {
  return run.stream === exported.stream && run.first + BigInt(run.events.length) === exported.revision && run.events.length < maxRunLength;
}

async function appendRun(store: EventStore, run: Run, headBefore: bigint, counts: { appended: number; alreadyStored: number }): Promise<void> {
  try {
    const { position } = await store.append(run.stream, run.events, expectedBefore(run.first));
    if (position > headBefore) counts.appended += run.events.length;
    else counts.alreadyStored += run.events.length;
  } catch (error) {
    if (!isAppError(error)) throw error;
    // Part of the run may be stored already (an earlier, shorter export): event by event then.
    for (const [index, event] of run.events.entries()) await appendOne(store, run.stream, run.first + BigInt(index), event, headBefore, counts);
  }
}

async function appendOne(store: EventStore, stream: string, revision: bigint, event: NewEvent, headBefore: bigint, counts: { appended: number; alreadyStored: number }) {
  try {
    const { position } = await store.append(stream, [event], expectedBefore(revision));
    if (position > headBefore) counts.appended++;
    else counts.alreadyStored++;
  } catch (error) {
    if (error instanceof ConcurrencyError) {
      const stored = error.actual === 'no_stream' ? 'does not exist' : `ends at revision ${error.actual}`;
      throw new ImportConflictError(
        `${stream}: the file has event ${event.id} at revision ${revision}, but the store's stream ${stored}. Import whole streams, from their first event, into a store that holds no other events for them.`,
      );
    }
    if (isAppError(error)) throw new ImportConflictError(`${stream}, revision ${revision}: ${error.message}`);
    throw error;
  }
}
