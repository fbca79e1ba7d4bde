import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UpstreamError } from '../../core/errors';
import type { ReadDatabaseOptions } from './sqlite-read-database';
import { type ReadStoreWrite, receivedError } from './sqlite-read-writes';
import type { WriterCommand, WriterReply, WriterRequest } from './sqlite-read-writer.worker';

export interface ReadStoreWriterConnection {
  apply(write: ReadStoreWrite): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a connection to a read-model file on the process's writer thread. Writes are applied there
 * in the order they are posted, so this thread keeps folding events and answering queries while
 * SQLite commits and builds indexes. Each promise settles once its write is committed (or refused),
 * so a read made after it sees it.
 */
export async function openWriterConnection(options: ReadDatabaseOptions): Promise<ReadStoreWriterConnection> {
  const thread = writerThread();
  const file = thread.nextFile++;
  await thread.send(file, { op: 'open', options });
  let open = true;
  return {
    apply: (write) => thread.send(file, write),
    async close() {
      if (!open) return;
      open = false;
      await thread.send(file, { op: 'close' });
    },
  };
}

interface WriterThread {
  nextFile: number;
  send(file: number, command: WriterCommand): Promise<void>;
}

let current: WriterThread | null = null;

/**
 * One writer thread per process, started on first use and kept for the process's life: it holds
 * the process open only while a write waits for it. It never exits on its own, because a thread that
 * loaded better-sqlite3 may crash the process when it exits (WiseLibs/better-sqlite3#1476).
 */
function writerThread(): WriterThread {
  if (current) return current;
  const fromSources = extname(__filename) === '.ts';
  const worker = new Worker(join(__dirname, `sqlite-read-writer.worker${extname(__filename)}`), {
    // Run from TypeScript sources (tests), the thread compiles them the way test child processes do.
    execArgv: fromSources ? ['--require', resolve(__dirname, '../../testing/fixtures/swc-register.cjs')] : [],
  });
  worker.unref();
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextSeq = 0;
  const failAll = (error: Error) => {
    if (current === thread) current = null;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', ({ seq, error }: WriterReply) => {
    const waiting = pending.get(seq);
    pending.delete(seq);
    if (pending.size === 0) worker.unref();
    if (error) waiting?.reject(receivedError(error));
    else waiting?.resolve();
  });
  worker.on('error', (error) => failAll(new UpstreamError('read_store.writer_failed', `The read store writer thread failed: ${error.message}`, {}, { cause: error })));
  worker.on('exit', (code) => failAll(new UpstreamError('read_store.writer_failed', `The read store writer thread stopped (exit code ${code})`)));
  const thread: WriterThread = {
    nextFile: 0,
    send: (file, command) =>
      new Promise<void>((resolve, reject) => {
        const seq = nextSeq++;
        pending.set(seq, { resolve, reject });
        worker.ref();
        worker.postMessage({ seq, file, command } satisfies WriterRequest);
      }),
  };
  current = thread;
  return thread;
}
