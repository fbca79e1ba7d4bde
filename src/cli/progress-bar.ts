import type { CliIo } from './cli-command';

export interface Progress {
  /** Units done so far (events, commands). */
  readonly done: number;
  /** Share of the work done, 0…1, when known. */
  readonly fraction: number | null;
  readonly perSecond: number;
  readonly etaSeconds: number | null;
}

const count = (n: number) => Math.round(n).toLocaleString('en-AU');

function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * A one-line progress bar on stderr (stdout may carry data). On a terminal it redraws in place a
 * few times a second; in a log (CI, docker) it prints a line every few seconds instead.
 */
export class ProgressBar {
  private lastDrawn = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly stderr: CliIo['stderr'],
    private readonly label: string,
    private readonly unit: string,
  ) {
    this.tty = stderr.isTTY === true;
  }

  update(progress: Progress): void {
    const now = Date.now();
    if (now - this.lastDrawn < (this.tty ? 100 : 5_000)) return;
    this.lastDrawn = now;
    this.stderr.write(this.tty ? `\r${this.line(progress)}\u001b[K` : `${this.line(progress)}\n`);
  }

  /** Ends the bar with a summary line. */
  finish(summary: string): void {
    this.stderr.write(this.tty ? `\r${summary}\u001b[K\n` : `${summary}\n`);
  }

  private line({ done, fraction, perSecond, etaSeconds }: Progress): string {
    const width = 24;
    const share = fraction === null ? null : Math.min(Math.max(fraction, 0), 1);
    const filled = share === null ? 0 : Math.round(share * width);
    const bar = share === null ? '' : ` [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}%`;
    const eta = etaSeconds === null ? '' : `  ETA ${duration(etaSeconds)}`;
    return `${this.label}${bar}  ${count(done)} ${this.unit}  ${count(perSecond)}/s${eta}`;
  }
}

/** Rate and ETA from the start time and the share done. */
export function measure(startedAt: number, done: number, fraction: number | null, now = Date.now()): Progress {
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const etaSeconds = fraction === null || fraction <= 0 ? null : fraction >= 1 ? 0 : (seconds * (1 - fraction)) / fraction;
  return { done, fraction, perSecond: done / seconds, etaSeconds };
}
