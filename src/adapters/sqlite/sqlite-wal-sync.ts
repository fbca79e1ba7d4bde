import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Makes commits durable without blocking the event loop. The connection commits with
 * `synchronous = NORMAL` (frames written to the WAL, no fsync), then this flushes the WAL file with
 * `fdatasync` on libuv's thread pool; appends are acknowledged only after it. That is what `FULL`
 * does inside the commit, except the thread keeps serving meanwhile and one flush covers every
 * commit made before it started. Checkpoints still sync the WAL and the database file themselves.
 */
export class WalSync {
  private fd: number | null = null;
  private inFlight = false;
  /** Callbacks of commits made since the flush in flight started: the next flush covers them. */
  private waiting: Array<(error: Error | null) => void> = [];

  constructor(
    private readonly walPath: string,
    private readonly flushFile: (fd: number, done: (error: Error | null) => void) => void = fdatasync,
  ) {}

  /** Calls back once every commit made before this call is on stable storage. */
  afterCommit(done: (error: Error | null) => void): void {
    this.waiting.push(done);
    if (!this.inFlight) this.flush();
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private flush(): void {
    const covered = this.waiting;
    this.waiting = [];
    this.inFlight = true;
    const finish = (error: Error | null) => {
      this.inFlight = false;
      for (const done of covered) done(error);
      if (this.waiting.length > 0) this.flush();
    };
    try {
      // Opened once the first commit has created the WAL; SQLite keeps that file while it is open.
      this.fd ??= openSync(this.walPath, 'r');
    } catch (error) {
      return finish(error as Error);
    }
    this.flushFile(this.fd, (error) => finish(error));
  }
}
