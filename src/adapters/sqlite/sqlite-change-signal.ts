import { closeSync, type FSWatcher, openSync, watch, write } from 'node:fs';

const touch = Buffer.from([1]);

/**
 * How processes sharing one SQLite event store tell each other about commits, without polling:
 * after each commit the writer rewrites one byte of a signal file beside the store, and every
 * process watches that file (inotify on Linux, FSEvents on macOS, through `fs.watch`), so a
 * subscription in another process pages again at once. The poll stays as a safety net (a watch
 * can miss events on network file systems, which SQLite does not support anyway). A process also
 * sees its own writes, which costs its subscriptions one empty read per coalesced burst.
 */
export class SqliteChangeSignal {
  private readonly fd: number;
  private readonly watcher: FSWatcher;
  private writing = false;
  private again = false;
  private wakeQueued = false;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly onCommitSomewhere: () => void,
  ) {
    this.fd = openSync(path, 'a+');
    this.watcher = watch(path, { persistent: false }, () => this.queueWake());
    this.watcher.on('error', () => undefined); // the file was removed: the poll still finds the commits
  }

  /** After a commit here. Writes coalesce: at most one in flight, and one more after it. */
  announce(): void {
    if (this.closed) return;
    if (this.writing) {
      this.again = true;
      return;
    }
    this.writing = true;
    write(this.fd, touch, 0, 1, 0, () => {
      this.writing = false;
      if (this.again && !this.closed) {
        this.again = false;
        this.announce();
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.watcher.close();
    if (!this.writing) closeSync(this.fd);
    else setImmediate(() => closeSync(this.fd));
  }

  private queueWake(): void {
    if (this.wakeQueued || this.closed) return;
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      if (!this.closed) this.onCommitSomewhere();
    });
  }
}
