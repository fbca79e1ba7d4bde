/** What one load loop sent and how it was answered: expected refusals apart from everything else. */
export class LoadTally {
  sent = 0;
  succeeded = 0;
  /** Refusals the load asked for (an unsigned webhook, an overpayment), by reason. */
  readonly expected = new Map<string, number>();
  /** Any other error answer, with what was sent: must stay empty. */
  readonly unexpected: string[] = [];

  constructor(readonly name: string) {}

  ok(): void {
    this.sent++;
    this.succeeded++;
  }

  refused(reason: string): void {
    this.sent++;
    this.expected.set(reason, (this.expected.get(reason) ?? 0) + 1);
  }

  failed(what: string): void {
    this.sent++;
    if (this.unexpected.length < 50) this.unexpected.push(what);
  }

  get expectedRefusals(): number {
    return [...this.expected.values()].reduce((sum, count) => sum + count, 0);
  }
}

/** Runs `step` until `deadline` or `maxCount` steps, at most `perSecond` steps a second. */
export async function paced(deadline: number, maxCount: number, perSecond: number, step: (count: number) => Promise<void>): Promise<void> {
  const started = Date.now();
  for (let count = 0; count < maxCount && Date.now() < deadline; count++) {
    await step(count);
    const due = started + ((count + 1) * 1000) / perSecond;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  }
}
