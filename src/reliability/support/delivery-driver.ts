import type { PlannedDelivery } from '../workload/workload.types';
import { sendDelivery, type SendOutcome } from './webhook-sender';

/** Where the driver sends: the URL changes across restarts, and `whenUp` waits out a restart. */
export interface DeliveryTarget {
  readonly url: string;
  whenUp(): Promise<void>;
}

export interface DriveOptions {
  readonly concurrency: number;
  /** A delivery still unacknowledged after this many attempts fails the run (a bound, not a wait). */
  readonly maxAttempts: number;
  readonly onAck?: (acknowledged: number, outcome: SendOutcome) => void;
}

export interface DriveReport {
  readonly requestsSent: number;
  readonly acknowledged: PlannedDelivery[];
  /** 4xx answers: a valid delivery refused. Never retried, since the tools do not retry them either. */
  readonly refused: Array<{ readonly label: string; readonly outcome: SendOutcome }>;
}

const retryPauseMs = 25;

/**
 * Sends every delivery with `concurrency` requests in flight and sends again whatever was not
 * acknowledged (connection refused or reset, 5xx), as the tools' own retries would.
 */
export async function deliverAll(deliveries: readonly PlannedDelivery[], target: DeliveryTarget, options: DriveOptions): Promise<DriveReport> {
  const queue = deliveries.map((planned) => ({ planned, attempts: 0 }));
  const acknowledged: PlannedDelivery[] = [];
  const refused: DriveReport['refused'] = [];
  let cursor = 0;
  let requestsSent = 0;
  const worker = async () => {
    while (cursor < queue.length) {
      const item = queue[cursor++]!;
      await target.whenUp();
      const outcome = await sendDelivery(target.url, item.planned);
      requestsSent++;
      item.attempts++;
      if (outcome.kind === 'acked') {
        acknowledged.push(item.planned);
        options.onAck?.(acknowledged.length, outcome);
      } else if (outcome.kind === 'refused') {
        refused.push({ label: item.planned.label, outcome });
      } else {
        if (item.attempts >= options.maxAttempts) throw new Error(`${item.planned.label} was not acknowledged after ${item.attempts} attempts: ${outcome.detail}`);
        queue.push(item);
        await new Promise((resolve) => setTimeout(resolve, retryPauseMs));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { requestsSent, acknowledged, refused };
}
