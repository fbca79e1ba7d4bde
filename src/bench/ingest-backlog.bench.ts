import { setTimeout as sleep } from 'node:timers/promises';

/** Deliveries the app has received, and those with a final outcome (processed, ignored or parked), per its /metrics. */
export interface DeliveryCounts {
  readonly received: number;
  readonly settled: number;
}

const settledOutcomes = ['processed', 'ignored', 'parked'];
const pollEveryMs = 100;

/** Sums `zixly_webhook_deliveries_total` by outcome over every tool, from the Prometheus text format. */
export function deliveryCountsIn(metrics: string): DeliveryCounts {
  let received = 0;
  let settled = 0;
  for (const [, outcome, value] of metrics.matchAll(/^zixly_webhook_deliveries_total\{[^}]*outcome="(\w+)"[^}]*\} (\d+)/gm)) {
    if (outcome === 'received') received += Number(value);
    else if (settledOutcomes.includes(outcome!)) settled += Number(value);
  }
  return { received, settled };
}

export async function deliveryCounts(appUrl: string): Promise<DeliveryCounts> {
  const response = await fetch(`${appUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return deliveryCountsIn(await response.text());
}

export interface Drain {
  /** Deliveries received but not yet settled when the load stopped. */
  readonly backlog: number;
  /** From the end of the load until every received delivery was settled. */
  readonly seconds: number;
  readonly counts: DeliveryCounts;
}

/**
 * Waits until every delivery the app received has an outcome, at least `received` of them (the
 * outcome counters follow the log, so they may trail the acknowledgements by a moment).
 */
export async function waitForDrain(appUrl: string, received: number, timeoutMs = 300_000): Promise<Drain> {
  const started = performance.now();
  const first = await deliveryCounts(appUrl);
  let counts = first;
  while (counts.received < received || counts.settled < counts.received) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`the app settled ${counts.settled} of ${counts.received} received deliveries within ${timeoutMs / 1000} s`);
    }
    await sleep(pollEveryMs);
    counts = await deliveryCounts(appUrl);
  }
  return { backlog: Math.max(received, first.received) - first.settled, seconds: (performance.now() - started) / 1000, counts };
}
