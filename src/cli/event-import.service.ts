import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ConcurrencyError, isAppError } from '../core/errors';
import type { EventStore, ExpectedRevision } from '../core/event-store.port';
import type { NewEvent } from '../core/messages';
import { parseExportedEvent } from './exported-event.parser';
import { ImportCheck, type ImportPermissions, type Refusal } from './import-check';

export interface ImportCounts {
  readonly read: number;
  readonly appended: number;
  /** Already in the store with the same id at the same revision: a re-import stores nothing. */
  readonly alreadyStored: number;
}

export interface ImportOptions extends ImportPermissions {
  /** `--skip-refused`: append the valid lines even when others are refused (each refused one is reported). */
  readonly skipRefused: boolean;
}

export interface ImportReport extends ImportCounts {
  /** Every line refused, with its number and why, in file order. */
  readonly refused: readonly Refusal[];
  /** Set when appending stopped part-way (the store disagreed about a stream): what was appended before it stays. */
  readonly stoppedAt: { readonly line: number; readonly reason: string } | null;
  /** False when lines were refused and `skipRefused` was not given: nothing was appended. */
  readonly appendedAny: boolean;
}

/** Consecutive events of one stream, appended together. */
interface Run {
  readonly stream: string;
  readonly first: bigint;
  /** The file's line of each event. */
  readonly lines: number[];
  readonly events: NewEvent[];
}

const maxRunLength = 500;
const expectedBefore = (revision: bigint): ExpectedRevision => (revision === 0n ? 'no_stream' : revision - 1n);

/**
 * Imports an export in two passes. The first checks every line (see `ImportCheck`) and keeps the
 * valid ones in a temporary file; if any line is refused and `skipRefused` is not set, nothing is
 * appended — the file is all or nothing. The second appends in file order, a run of one stream's
 * consecutive events at a time, each at the revision the file gives it: events already stored at
 * their place are counted as already stored. A conflict with the store stops the import at that
 * line, and the report says what was appended before it.
 */
export async function importExportedEvents(lines: AsyncIterable<string>, store: EventStore, options: ImportOptions, onProgress?: (counts: ImportCounts) => void): Promise<ImportReport> {
  const spoolDir = mkdtempSync(join(tmpdir(), 'zixly-import-'));
  try {
    const spool = join(spoolDir, 'valid.ndjson');
    const { read, refused } = await checkLines(lines, spool, options);
    if (refused.length > 0 && !options.skipRefused) return { read, appended: 0, alreadyStored: 0, refused, stoppedAt: null, appendedAny: false };
    const appended = await appendSpooled(spool, store, (counts) => onProgress?.({ ...counts, read }));
    return { read, ...appended, refused, appendedAny: true };
  } finally {
    rmSync(spoolDir, { recursive: true, force: true });
  }
}

async function checkLines(lines: AsyncIterable<string>, spool: string, permissions: ImportPermissions): Promise<{ read: number; refused: Refusal[] }> {
  const check = new ImportCheck(permissions);
  const output = createWriteStream(spool);
  const refused: Refusal[] = [];
  let read = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    read++;
    const verdict = check.check(line, lineNumber);
    if (!verdict.ok) refused.push(verdict.refusal);
    else if (!output.write(`${lineNumber}\t${line}\n`)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'close');
  return { read, refused };
}

async function appendSpooled(spool: string, store: EventStore, onProgress: (counts: Omit<ImportCounts, 'read'>) => void) {
  // Positions only grow: an append answered with a position at or below the old head stored nothing.
  const headBefore = (await store.headPosition()) ?? -1n;
  const counts = { appended: 0, alreadyStored: 0 };
  let run: Run | null = null;
  try {
    for await (const entry of createInterface({ input: createReadStream(spool), crlfDelay: Infinity })) {
      const tab = entry.indexOf('\t');
      const lineNumber = Number(entry.slice(0, tab));
      const { stream, revision, event } = parseExportedEvent(entry.slice(tab + 1), lineNumber);
      if (run && run.stream === stream && run.first + BigInt(run.events.length) === revision && run.events.length < maxRunLength) {
        run.events.push(event);
        run.lines.push(lineNumber);
        continue;
      }
      if (run) await appendRun(store, run, headBefore, counts);
      onProgress({ ...counts });
      run = { stream, first: revision, lines: [lineNumber], events: [event] };
    }
    if (run) await appendRun(store, run, headBefore, counts);
  } catch (error) {
    if (!(error instanceof ImportStop)) throw error;
    return { ...counts, stoppedAt: { line: error.line, reason: error.message } };
  }
  return { ...counts, stoppedAt: null };
}

/** The store and the file disagree about a stream at this line; nothing after it was appended. */
class ImportStop extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

async function appendRun(store: EventStore, run: Run, headBefore: bigint, counts: { appended: number; alreadyStored: number }): Promise<void> {
  try {
    const { position } = await store.append(run.stream, run.events, expectedBefore(run.first));
    if (position > headBefore) counts.appended += run.events.length;
    else counts.alreadyStored += run.events.length;
  } catch (error) {
    if (!isAppError(error)) throw error;
    // Part of the run may be stored already (an earlier, shorter export): event by event then.
    for (const [index, event] of run.events.entries()) await appendOne(store, run, index, event, headBefore, counts);
  }
}

async function appendOne(store: EventStore, run: Run, index: number, event: NewEvent, headBefore: bigint, counts: { appended: number; alreadyStored: number }) {
  const revision = run.first + BigInt(index);
  try {
    const { position } = await store.append(run.stream, [event], expectedBefore(revision));
    if (position > headBefore) counts.appended++;
    else counts.alreadyStored++;
  } catch (error) {
    const line = run.lines[index]!;
    if (error instanceof ConcurrencyError) {
      const stored = error.actual === 'no_stream' ? 'does not exist' : `ends at revision ${error.actual}`;
      throw new ImportStop(
        line,
        `${run.stream}: the file has event ${event.id} at revision ${revision}, but the store's stream ${stored}. Import whole streams, from their first event, into a store that holds no other events for them.`,
      );
    }
    if (isAppError(error)) throw new ImportStop(line, `${run.stream}, revision ${revision}: ${error.message}`);
    throw error;
  }
}
