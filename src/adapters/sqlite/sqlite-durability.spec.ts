import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import type { AcknowledgedAppend } from '../../testing/adapters/sqlite-durability.child';
import { openSqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-sqlite-durability-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const acksBeforeKill = 3_000;

describe('SQLite event store durability', () => {
  it('keeps every acknowledged append, exactly once, when the writing process is killed mid-append', async () => {
    const path = join(directory, 'events.sqlite');
    const acks = await appendUntilKilled(path, acksBeforeKill);

    const store = await openSqliteEventStore({ path });
    const stored = await collect(store.readAll());
    await store.close();

    const storedById = new Map(stored.map((event) => [event.id, event]));
    const ackedIds = acks.flatMap((ack) => ack.ids);
    expect(acks.length).toBeGreaterThanOrEqual(acksBeforeKill);
    expect(ackedIds.filter((id) => !storedById.has(id))).toEqual([]);
    expect(acks.filter((ack) => String(storedById.get(ack.ids.at(-1)!)?.revision) !== ack.nextExpectedRevision)).toEqual([]);
    expect(storedById.size).toBe(stored.length);
    expect(integrityProblems(stored)).toEqual([]);
    expect(sqliteIntegrityCheck(path)).toBe('ok');
  });
});

/** Forks a writer on the store file and SIGKILLs it once `count` appends were acknowledged. */
function appendUntilKilled(path: string, count: number): Promise<AcknowledgedAppend[]> {
  const child: ChildProcess = fork(resolve(__dirname, '../../testing/adapters/sqlite-durability.child.ts'), [path], {
    execArgv: ['--require', resolve(__dirname, '../../testing/fixtures/swc-register.cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const acks: AcknowledgedAppend[] = [];
  return new Promise((resolvePromise, reject) => {
    child.on('message', (ack: AcknowledgedAppend) => {
      acks.push(ack);
      if (acks.length === count) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acks);
      else reject(new Error(`the writer exited by itself (code ${code}) after ${acks.length} acknowledgements`));
    });
  });
}

/** Per stream, revisions must run 0, 1, 2… with no hole; positions must strictly increase. */
function integrityProblems(stored: readonly { stream: string; revision: bigint; position: bigint }[]): string[] {
  const problems: string[] = [];
  const nextRevision = new Map<string, bigint>();
  let lastPosition = 0n;
  for (const event of stored) {
    const expected = nextRevision.get(event.stream) ?? 0n;
    if (event.revision !== expected) problems.push(`${event.stream} has revision ${event.revision} where ${expected} was due`);
    if (event.position <= lastPosition) problems.push(`position ${event.position} follows ${lastPosition}`);
    nextRevision.set(event.stream, event.revision + 1n);
    lastPosition = event.position;
  }
  return problems;
}

function sqliteIntegrityCheck(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}
