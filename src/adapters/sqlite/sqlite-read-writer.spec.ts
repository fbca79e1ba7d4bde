import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointOf, put } from '../../testing/read-store.fixtures';
import { openSqliteReadStore } from './sqlite-read-store';

const directory = mkdtempSync(join(tmpdir(), 'zixly-read-writer-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('SQLite read store writer thread', () => {
  it('hands back the errors of writes it refused with their codes', async () => {
    // Given a read-model file, whose writes run on the writer thread
    const store = await openSqliteReadStore({ path: join(directory, 'refusals.sqlite') });

    // When it is asked for an index on no field, and to rename a collection that does not exist
    const badIndex = store.ensureIndexes('notes', [{ name: 'empty', fields: [] }]);
    const badRename = store.renameCollection('missing', 'notes');

    // Then each is refused with the code the same call gets on a :memory: store
    await expect(badIndex).rejects.toMatchObject({ code: 'read_store.invalid_index', kind: 'validation' });
    await expect(badRename).rejects.toMatchObject({ code: 'read_store.collection_not_found', kind: 'not_found' });
    await store.close();
  });

  it('keeps the writes of two files apart on the one thread', async () => {
    // Given two read-model files open at once
    const [first, second] = await Promise.all(['first.sqlite', 'second.sqlite'].map((file) => openSqliteReadStore({ path: join(directory, file) })));

    // When each commits a document of the same id
    await Promise.all([
      first.commit('notes', [put('n-1', 1, { text: 'first' })], checkpointOf('notes', 'notes', 1n)),
      second.commit('notes', [put('n-1', 2, { text: 'second' })], checkpointOf('notes', 'notes', 2n)),
    ]);

    // Then each file holds its own
    expect((await first.getMany('notes', ['n-1'])).get('n-1')?.document.text).toBe('first');
    expect((await second.getMany('notes', ['n-1'])).get('n-1')?.document.text).toBe('second');
    await Promise.all([first.close(), second.close()]);
  });

  it('lets a process that never closed its store end by itself, with its acknowledged write kept', async () => {
    // Given a process that commits to a read-model file and returns without closing it
    const path = join(directory, 'unclosed.sqlite');
    const child = fork(resolve(__dirname, 'sqlite-read-writer.child.ts'), [path], {
      execArgv: ['--require', resolve(__dirname, '../../testing/fixtures/swc-register.cjs')],
      stdio: 'inherit',
    });

    // When nothing else keeps it alive
    const exitCode = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    // Then it ends on its own (the idle writer thread does not hold it), and the write is in the file
    expect(exitCode).toBe(0);
    const store = await openSqliteReadStore({ path });
    expect((await store.getMany('notes', ['n-1'])).get('n-1')?.document.text).toBe('kept');
    await store.close();
  });
});
