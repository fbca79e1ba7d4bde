import type { Clock } from '../../core/time';

/** A clock that only moves when told to: schedules and SLA timers in tests and demos. */
export class ManualClock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  readonly clock: Clock = () => new Date(this.current);

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
