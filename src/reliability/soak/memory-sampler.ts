import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB, from /proc (Linux); null when it cannot be read. */
export function residentMiB(pid: number): number | null {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Math.round(Number(kib) / 1024) : null;
  } catch {
    return null;
  }
}

/** The JS heap in use in MiB, from the app's own /metrics (prom-client's default metrics). */
export async function heapUsedMiB(baseUrl: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const bytes = /^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m.exec(text)?.[1];
    return bytes ? Math.round(Number(bytes) / 1024 / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Samples a process's resident memory and its JS heap every `everyMs`. RSS includes SQLite's page
 * caches (64 MiB per event-store connection), which fill as the log grows; the heap does not.
 */
export class MemorySampler {
  readonly rss: number[] = [];
  readonly heap: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly target: () => { pid: number | null; url: string }, everyMs = 5_000) {
    void this.sample();
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sample();
  }

  private async sample(): Promise<void> {
    const { pid, url } = this.target();
    const rss = pid === null ? null : residentMiB(pid);
    const heap = await heapUsedMiB(url);
    if (rss !== null) this.rss.push(rss);
    if (heap !== null) this.heap.push(heap);
  }
}

/** Medians of the first and the last third of the samples: growth that is not noise. */
export function earlyAndLate(samples: readonly number[]): { early: number; late: number } {
  const third = Math.max(1, Math.floor(samples.length / 3));
  const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { early: median(samples.slice(0, third)), late: median(samples.slice(-third)) };
}
