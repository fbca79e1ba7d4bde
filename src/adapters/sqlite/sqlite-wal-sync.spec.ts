import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WalSync } from './sqlite-wal-sync';

const directory = mkdtempSync(join(tmpdir(), 'zixly-wal-sync-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A flush the test completes by hand, to see who waits for which. */
function manualFlushes() {
  const pending: Array<(error: Error | null) => void> = [];
  return { flushFile: (_fd: number, done: (error: Error | null) => void) => void pending.push(done), pending };
}

describe('WAL sync', () => {
  const wal = join(directory, 'events.sqlite-wal');
  writeFileSync(wal, '');

  it('acknowledges a commit made during a flush only after the next flush, which covers every commit waiting', async () => {
    // Given a flush in flight for a first commit
    const flushes = manualFlushes();
    const sync = new WalSync(wal, flushes.flushFile);
    const acknowledged: string[] = [];
    sync.afterCommit(() => acknowledged.push('first'));

    // When two more commits arrive before it completes, and it completes
    sync.afterCommit(() => acknowledged.push('second'));
    sync.afterCommit(() => acknowledged.push('third'));
    flushes.pending.shift()!(null);

    // Then only the first is acknowledged, and one more flush covers the other two
    expect(acknowledged).toEqual(['first']);
    expect(flushes.pending).toHaveLength(1);
    flushes.pending.shift()!(null);
    expect(acknowledged).toEqual(['first', 'second', 'third']);
    sync.close();
  });

  it('hands the flush error to every commit it covered', () => {
    // Given a commit waiting on a flush that fails
    const flushes = manualFlushes();
    const sync = new WalSync(wal, flushes.flushFile);
    const errors: Array<Error | null> = [];
    sync.afterCommit((error) => errors.push(error));

    // When the disk reports an error
    flushes.pending.shift()!(new Error('EIO'));

    // Then the commit learns it was not made durable
    expect(errors.map((error) => error?.message)).toEqual(['EIO']);
    sync.close();
  });
});
