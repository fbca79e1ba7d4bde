import { parentPort, workerData } from 'node:worker_threads';
import { type DecidedAppend, decideHistory } from '../demo/decide-history';
import { generateHistory, type HistoryOptions } from '../demo/generate-history';
import { sequentialIds } from '../demo/sequential-ids';

export interface ProducerInput {
  readonly history: HistoryOptions;
  readonly maxEvents: number;
  readonly eventsPerBatch: number;
}

export type ProducerMessage = { readonly kind: 'batch'; readonly appends: DecidedAppend[] } | { readonly kind: 'done' };

/** Batches the store has not committed yet: enough to keep both threads busy, few enough to bound memory. */
const maxBatchesInFlight = 3;

/**
 * Generates and decides a history on its own thread, so the main thread only appends: the two
 * halves of filling a store then run on two cores. The main thread acknowledges each batch.
 */
async function produce({ history, maxEvents, eventsPerBatch }: ProducerInput): Promise<void> {
  const port = parentPort!;
  let inFlight = 0;
  let acknowledged: (() => void) | null = null;
  port.on('message', () => {
    inFlight--;
    acknowledged?.();
  });
  let batch: DecidedAppend[] = [];
  let batchEvents = 0;
  let events = 0;
  const send = async () => {
    port.postMessage({ kind: 'batch', appends: batch } satisfies ProducerMessage);
    inFlight++;
    batch = [];
    batchEvents = 0;
    while (inFlight >= maxBatchesInFlight) await new Promise<void>((resolve) => (acknowledged = resolve));
  };
  for await (const append of decideHistory(generateHistory(history), { newId: sequentialIds() })) {
    if (events + append.events.length > maxEvents) break;
    batch.push(append);
    batchEvents += append.events.length;
    events += append.events.length;
    if (batchEvents >= eventsPerBatch) await send();
  }
  if (batch.length > 0) await send();
  port.postMessage({ kind: 'done' } satisfies ProducerMessage);
  port.close();
}

// A failure rejects unhandled, which ends the worker with an 'error' event in the main thread.
void produce(workerData as ProducerInput);
