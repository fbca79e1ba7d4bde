import { UpstreamError } from './errors';

/**
 * When a request's work must stop. Loops that read many events take `chunked` below: they let the
 * event loop run between chunks (so probes and other requests keep being answered) and stop with
 * `request.deadline_exceeded` once the deadline has passed.
 */
export class Deadline {
  constructor(
    readonly expiresAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  static after(ms: number, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, now);
  }

  get expired(): boolean {
    return this.now() > this.expiresAt;
  }

  /** Throws UpstreamError `request.deadline_exceeded` (SERVICE_UNAVAILABLE) once expired. */
  check(): void {
    if (this.expired) {
      throw new UpstreamError('request.deadline_exceeded', 'The request ran past its deadline and was stopped; ask for less (a smaller page, a shorter period, fewer fields)', {
        expiresAt: new Date(this.expiresAt).toISOString(),
      });
    }
  }
}

/** A deadline that never expires, for work outside a request (the CLI, projections). */
export const noDeadline = new Deadline(Number.POSITIVE_INFINITY);

let lastTurn: Promise<void> = Promise.resolve();

/**
 * Lets every timer, socket and callback queued on the event loop run before continuing. Callers
 * take turns, one per iteration of the loop: a hundred requests yielding at once would otherwise
 * all resume in the same iteration and run back to back, with no I/O (a probe) in between.
 */
export function yieldToLoop(): Promise<void> {
  const turn = lastTurn.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  lastTurn = turn;
  return turn;
}

/** Items between two yields: small enough that a chunk of parsed events takes well under a millisecond or two. */
export const defaultChunkSize = 256;

/**
 * `source`, yielding to the event loop every `chunkSize` items and checking `deadline` there. A
 * store read through it can be as long as it likes without starving the process.
 */
export async function* chunked<T>(source: AsyncIterable<T>, deadline: Deadline = noDeadline, chunkSize = defaultChunkSize): AsyncGenerator<T> {
  let sinceYield = 0;
  for await (const item of source) {
    if (++sinceYield >= chunkSize) {
      sinceYield = 0;
      await yieldToLoop();
      deadline.check();
    }
    yield item;
  }
}
