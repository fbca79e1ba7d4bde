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

/** Samples a process's resident memory every `everyMs` until stopped. */
export class RssSampler {
  readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: () => number | null, everyMs = 5_000) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const pid = this.pid();
    const rss = pid === null ? null : residentMiB(pid);
    if (rss !== null) this.samples.push(rss);
  }
}
