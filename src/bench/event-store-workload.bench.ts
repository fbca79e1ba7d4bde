import type { BaselineRow } from '../testing/adapters/sqlite-raw.baseline';
import { randomId } from '../core/ids';
import type { NewEvent } from '../core/messages';
import { categoryOf } from '../core/stream-name';

/** Appends prepared before the clock starts, so a benchmark times the store, not the test data. */
export interface Workload {
  readonly calls: readonly { readonly stream: string; readonly events: readonly NewEvent[] }[];
  readonly events: number;
}

const streams = 50;

/** `calls` appends of `perCall` events, round-robin over 50 invoice streams. */
export function appendWorkload(calls: number, perCall: number): Workload {
  return {
    calls: Array.from({ length: calls }, (_, call) => ({
      stream: `Invoice-${call % streams}`,
      events: Array.from({ length: perCall }, (__, index) => benchEvent(call * perCall + index)),
    })),
    events: calls * perCall,
  };
}

/** The rows the store would write for `workload`: same ids, streams, revisions and JSON. */
export function baselineRows(workload: Workload): BaselineRow[] {
  const recordedAt = new Date().toISOString();
  const nextRevision = new Map<string, number>();
  return workload.calls.flatMap(({ stream, events }) =>
    events.map((event) => {
      const revision = nextRevision.get(stream) ?? 0;
      nextRevision.set(stream, revision + 1);
      const metadata = JSON.stringify({ ...event.metadata, recordedAt });
      return { id: event.id, stream, revision, type: event.type, category: categoryOf(stream), data: JSON.stringify(event.data), metadata };
    }),
  );
}

/** An invoice event with about 300 bytes of JSON data; ids come from the application's generator. */
export function benchEvent(index: number): NewEvent {
  return {
    id: randomId(),
    type: 'InvoiceIssued',
    data: {
      invoiceId: `inv-${index}`,
      clientId: `client-${index % 97}`,
      currency: 'AUD',
      lines: [
        { description: 'Consulting retainer, monthly', quantity: 1, unitAmount: 450_000 },
        { description: 'Support hours', quantity: 12, unitAmount: 15_000 },
      ],
      issuedOn: '2026-06-01',
      dueOn: '2026-07-01',
      notes: 'Net 30, bank transfer',
    },
    metadata: { occurredAt: '2026-06-01T09:30:00.000Z', correlationId: randomId(), causationId: null, actor: 'user:bench' },
  };
}
