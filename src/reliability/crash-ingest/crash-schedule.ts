import type { AppProcess } from '../support/app-process';
import type { SeededRandom } from '../../demo/seeded-random';
import type { DeliveryTarget } from '../support/delivery-driver';

/**
 * SIGKILLs the app at seeded random moments — once `thresholds[i]` deliveries were acknowledged,
 * after a random few milliseconds more — and starts it again on the same files. Requests meanwhile
 * fail and are sent again once it is back.
 */
export class CrashSchedule implements DeliveryTarget {
  private up: Promise<void> = Promise.resolve();
  private next = 0;
  private readonly scheduled: Promise<void>[] = [];
  readonly crashes: Array<{ readonly afterAcks: number; readonly pid: number | null }> = [];

  private constructor(
    private readonly app: AppProcess,
    private readonly thresholds: readonly number[],
    private readonly delaysMs: readonly number[],
  ) {}

  /** `count` kills spread over the run: the i-th falls in the i-th of `count` equal parts of `total` acknowledgements. */
  static spread(app: AppProcess, total: number, count: number, random: SeededRandom): CrashSchedule {
    const part = total / (count + 1);
    const thresholds = Array.from({ length: count }, (_, index) => Math.round(part * (index + 0.5) + random.next() * part));
    return new CrashSchedule(app, thresholds, thresholds.map(() => random.int(0, 150)));
  }

  get url(): string {
    return this.app.url;
  }

  whenUp(): Promise<void> {
    return this.up;
  }

  /** Requests keep flowing during the delay, so the kill lands with requests in flight. */
  onAck(acknowledged: number): void {
    if (this.next >= this.thresholds.length || acknowledged < this.thresholds[this.next]!) return;
    const delay = this.delaysMs[this.next++]!;
    this.scheduled.push(new Promise((resolve) => setTimeout(resolve, delay)).then(() => this.crash(acknowledged)));
  }

  /** Resolves once every scheduled crash has happened and the app is back. */
  async finished(): Promise<void> {
    await Promise.all(this.scheduled);
    await this.up;
  }

  private crash(acknowledged: number): Promise<void> {
    this.up = this.up.then(async () => {
      this.crashes.push({ afterAcks: acknowledged, pid: this.app.pid });
      await this.app.kill();
      await this.app.restart();
    });
    return this.up;
  }
}
