import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import type { DecidedAppend } from '../demo/decide-history';
import type { HistoryOptions } from '../demo/generate-history';
import type { ProducerInput, ProducerMessage } from './history-producer.worker';

export interface FillReport {
  readonly events: number;
  readonly commands: number;
  /** Wall time of the whole fill, and the part spent in the store's commits. */
  readonly seconds: number;
  readonly appendSeconds: number;
  readonly firstOccurredAt: string;
  readonly lastOccurredAt: string;
  readonly eventTypes: ReadonlyMap<string, number>;
}

/** Appends queued in one turn are group-committed together: about this many events per transaction. */
const eventsPerBatch = 10_000;
const progressEvery = 100_000;

/**
 * Generates a history and decides it on a worker thread, and appends it here to a SQLite event
 * store file, a batch per group commit; stops before `maxEvents` when given.
 */
export async function fillEventStore(path: string, history: HistoryOptions, maxEvents = Number.MAX_SAFE_INTEGER): Promise<FillReport> {
  const store = await openSqliteEventStore({ path });
  const worker = new Worker(join(__dirname, `history-producer.worker${extname(__filename)}`), { workerData: { history, maxEvents, eventsPerBatch } satisfies ProducerInput });
  const eventTypes = new Map<string, number>();
  const started = performance.now();
  let events = 0;
  let commands = 0;
  let appendMs = 0;
  let first = '';
  let last = '';
  try {
    for await (const appends of batchesOf(worker)) {
      const appending = performance.now();
      await Promise.all(appends.map(({ stream, events: decided }) => store.append(stream, decided)));
      appendMs += performance.now() - appending;
      worker.postMessage('ack');
      for (const { events: decided } of appends) for (const event of decided) eventTypes.set(event.type, (eventTypes.get(event.type) ?? 0) + 1);
      first ||= appends[0]!.events[0]!.metadata.occurredAt;
      last = appends.at(-1)!.events[0]!.metadata.occurredAt;
      const before = events;
      events += appends.reduce((total, append) => total + append.events.length, 0);
      commands += appends.length;
      if (Math.floor(events / progressEvery) > Math.floor(before / progressEvery)) printProgress(events, started, appendMs, last);
    }
  } finally {
    await worker.terminate();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1_000;
  return { events, commands, seconds, appendSeconds: appendMs / 1_000, firstOccurredAt: first, lastOccurredAt: last, eventTypes };
}

/** The worker's batches in order; its failure ends the iteration with its error. */
async function* batchesOf(worker: Worker): AsyncGenerator<DecidedAppend[]> {
  const queue: Array<ProducerMessage | { kind: 'error'; error: unknown }> = [];
  let wake: () => void = () => undefined;
  worker.on('message', (message: ProducerMessage) => (queue.push(message), wake()));
  worker.on('error', (error) => (queue.push({ kind: 'error', error }), wake()));
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const message = queue.shift()!;
    if (message.kind === 'done') return;
    if (message.kind === 'error') throw message.error;
    yield message.appends;
  }
}

function printProgress(events: number, started: number, appendMs: number, occurredAt: string): void {
  const seconds = (performance.now() - started) / 1_000;
  const rate = (value: number) => Math.round(value).toLocaleString('en').padStart(9);
  console.log(
    `    ${events.toLocaleString('en').padStart(9)} events, history at ${occurredAt.slice(0, 10)}: ${rate(events / seconds)} events/s overall,` +
      ` commits ${rate(events / (appendMs / 1_000))} events/s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
  );
}
