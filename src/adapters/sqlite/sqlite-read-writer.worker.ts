import type { Database } from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { openReadDatabase, type ReadDatabaseOptions } from './sqlite-read-database';
import { type ReadStoreWrite, readStoreWriter, transferError } from './sqlite-read-writes';

export type WriterCommand = ReadStoreWrite | { readonly op: 'open'; readonly options: ReadDatabaseOptions } | { readonly op: 'close' };

export interface WriterRequest {
  readonly seq: number;
  /** Which open read-model file the command is for. */
  readonly file: number;
  readonly command: WriterCommand;
}

export interface WriterReply {
  readonly seq: number;
  readonly error?: ReturnType<typeof transferError>;
}

/**
 * The writer thread of every read-model file this process opened: each file has its own connection
 * here, and its writes are applied in the order they were posted, one reply each.
 */
const files = new Map<number, { db: Database; apply: (write: ReadStoreWrite) => void }>();

function handle(file: number, command: WriterCommand): void {
  if (command.op === 'open') {
    const db = openReadDatabase(command.options);
    files.set(file, { db, apply: readStoreWriter(db) });
    return;
  }
  const open = files.get(file);
  if (!open) throw new Error(`read-model file #${file} is not open on the writer thread`);
  if (command.op === 'close') {
    files.delete(file);
    open.db.close();
    return;
  }
  open.apply(command);
}

parentPort!.on('message', ({ seq, file, command }: WriterRequest) => {
  try {
    handle(file, command);
    parentPort!.postMessage({ seq } satisfies WriterReply);
  } catch (error) {
    parentPort!.postMessage({ seq, error: transferError(error) } satisfies WriterReply);
  }
});
