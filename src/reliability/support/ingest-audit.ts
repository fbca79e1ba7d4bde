import { collect, type EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { ExpectedFact, PlannedDelivery } from '../workload/workload.types';
import { canonicalJson } from './read-model-snapshot';

type Data = Record<string, unknown>;

/** What identifies each business fact the webhook workload produces (one event per key, ever). */
export const factKeys: Readonly<Record<string, (data: Data) => string>> = {
  TicketOpened: (data) => String(data.ticketId),
  FirstResponseRecorded: (data) => String(data.ticketId),
  TicketResolved: (data) => `${data.ticketId}#${data.resolutionCount}`,
  CsatRated: (data) => String(data.ratingId),
  InvoiceIssued: (data) => String(data.invoiceId),
  PaymentReceived: (data) => `${data.paymentId}@${data.invoiceId}`,
  InvoicePaid: (data) => String(data.invoiceId),
  LeadCaptured: (data) => String(data.leadId),
  LeadFormSubmitted: (data) => String(data.submissionId),
  LeadEmailEngaged: (data) => String(data.engagementId),
};

export interface InboxAudit {
  /** Acknowledged deliveries the inbox does not hold. */
  readonly lost: string[];
  /** Stored copies beyond the first, of any delivery. */
  readonly duplicated: number;
  /** Deliveries whose processing has not ended processed or ignored (pending, failed for good, parked). */
  readonly unsettled: string[];
}

/**
 * Every acknowledged delivery must be in a `WebhookDelivery` stream exactly once. Deliveries are
 * matched by their payload, not by the product's dedupe keys, so a key bug cannot hide a loss.
 */
export async function auditInbox(store: EventStore, acknowledged: readonly PlannedDelivery[]): Promise<InboxAudit> {
  const events = await collect(store.readAll({ categories: ['WebhookDelivery'] }));
  const received = events.filter((event) => event.type === 'WebhookDeliveryReceived');
  const copies = countBy(received, (event) => canonicalJson((event.data as Data).payload));
  const perStream = countBy(received, (event) => event.stream);
  const settled = new Set(events.filter((event) => event.type === 'WebhookDeliveryProcessed' || event.type === 'WebhookDeliveryIgnored').map((event) => event.stream));
  return {
    lost: acknowledged.filter((planned) => !copies.has(canonicalJson(JSON.parse(planned.body)))).map((planned) => planned.label),
    duplicated: extras(copies),
    unsettled: [...perStream.keys()].filter((stream) => !settled.has(stream)),
  };
}

export interface FactAudit {
  readonly missing: ExpectedFact[];
  /** Events beyond the first per fact, or per (stream, type, source record) if that finds more. */
  readonly duplicated: number;
  readonly unexpected: ExpectedFact[];
  readonly count: number;
}

/** Every expected fact exactly once, nothing else of those types, and no source record applied twice to an aggregate. */
export async function auditFacts(store: EventStore, expected: readonly ExpectedFact[]): Promise<FactAudit> {
  const events = await collect(store.readAll({ types: Object.keys(factKeys) }));
  const facts = countBy(events, (event) => `${event.type} ${factKeys[event.type]!(event.data as Data)}`);
  const bySource = countBy(events, (event) => `${event.stream} ${event.type} ${event.metadata.source?.externalId ?? event.id}`);
  const wanted = new Set(expected.map((fact) => `${fact.type} ${fact.key}`));
  const asFact = (entry: string): ExpectedFact => ({ type: entry.slice(0, entry.indexOf(' ')), key: entry.slice(entry.indexOf(' ') + 1) });
  return {
    missing: [...wanted].filter((fact) => !facts.has(fact)).map(asFact),
    duplicated: Math.max(extras(facts), extras(bySource)),
    unexpected: [...facts.keys()].filter((fact) => !wanted.has(fact)).map(asFact),
    count: events.length,
  };
}

const extras = (counts: Map<string, number>) => [...counts.values()].reduce((extra, count) => extra + count - 1, 0);

function countBy(events: readonly RecordedEvent[], keyOf: (event: RecordedEvent) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(keyOf(event), (counts.get(keyOf(event)) ?? 0) + 1);
  return counts;
}
