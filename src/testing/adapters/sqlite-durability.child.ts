import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../core/messages';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';

/**
 * Run by `sqlite-durability.spec.ts` in a child process that it kills: appends forever from
 * concurrent writers and reports each acknowledged append to the parent over IPC.
 */
export interface AcknowledgedAppend {
  readonly stream: string;
  readonly ids: readonly string[];
  readonly nextExpectedRevision: string;
}

const writers = 16;
const streamsPerWriter = 5;

async function writeForever(store: Awaited<ReturnType<typeof openSqliteEventStore>>, writer: number): Promise<never> {
  for (let round = 0; ; round++) {
    const stream = `Durable-${writer}x${round % streamsPerWriter}`;
    const events: NewEvent[] = Array.from({ length: 1 + (round % 3) }, (_, index) => ({
      id: randomUUID(),
      type: 'DurabilityProbed',
      data: { writer, round, index, padding: 'p'.repeat(200) },
      metadata: { occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, actor: 'test:durability' },
    }));
    const result = await store.append(stream, events, 'any');
    const ack: AcknowledgedAppend = { stream, ids: events.map((event) => event.id), nextExpectedRevision: String(result.nextExpectedRevision) };
    process.send!(ack);
  }
}

async function main(): Promise<void> {
  const store = await openSqliteEventStore({ path: process.argv[2]! });
  await Promise.all(Array.from({ length: writers }, (_, writer) => writeForever(store, writer)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
