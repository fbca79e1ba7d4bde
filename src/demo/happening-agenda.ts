import type { BusinessCommand } from '../aggregates';

/**
 * Something that happens at an instant: it may change the simulated world, schedule later
 * happenings, and produce the commands a business tool would send at that moment.
 */
export type Happening = (occurredAt: string) => BusinessCommand | readonly BusinessCommand[] | void;

interface Scheduled {
  readonly at: number;
  readonly sequence: number;
  readonly happening: Happening;
}

/**
 * A min-heap of happenings by instant; equal instants keep the order they were scheduled in, so
 * "open the ticket, then answer it a minute later" can never come out reversed.
 */
export class HappeningAgenda {
  private readonly heap: Scheduled[] = [];
  private sequence = 0;

  /** Nothing can be scheduled before what already happened: the history stays chronological. */
  private now = Number.NEGATIVE_INFINITY;

  schedule(at: number, happening: Happening): void {
    if (at < this.now) throw new RangeError(`A happening at ${new Date(at).toISOString()} would precede ${new Date(this.now).toISOString()}`);
    this.heap.push({ at, sequence: this.sequence++, happening });
    this.siftUp(this.heap.length - 1);
  }

  /** The earliest happening, or undefined when nothing is left. */
  next(): Scheduled | undefined {
    const first = this.heap[0];
    if (first === undefined) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    this.now = first.at;
    return first;
  }

  get size(): number {
    return this.heap.length;
  }

  private before(a: Scheduled, b: Scheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.sequence < b.sequence);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(heap[child]!, heap[parent]!)) return;
      [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
      child = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < heap.length && this.before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && this.before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === parent) return;
      [heap[smallest], heap[parent]] = [heap[parent]!, heap[smallest]!];
      parent = smallest;
    }
  }
}
