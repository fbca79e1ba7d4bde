import type { Snapshot } from '../support/read-model-snapshot';

/** Of an SLA timer, what the facts decide; the rest says where in this run's log its ticket was opened. */
const slaTimerFacts = ['kind', 'ticketId', 'clientId', 'openedAt', 'status'] as const;

/**
 * What may differ between two runs of the same facts: where in the log a document was last written,
 * the ingest machinery's own record of arrivals and attempts (`webhook_deliveries`: times of
 * receipt, failed attempts of a delivery that came before the one it needed), and where the SLA
 * timers found their ticket's opening in the log (event id, stream revision, position, recording time).
 */
export function withoutBookkeeping(snapshot: Snapshot): Record<string, Record<string, unknown>> {
  const { webhook_deliveries: _machinery, ...business } = snapshot;
  const factsOf = (name: string, document: Record<string, unknown>) =>
    name === 'sla_timers' ? Object.fromEntries(slaTimerFacts.map((field) => [field, document[field]])) : document;
  return Object.fromEntries(
    Object.entries(business).map(([name, documents]) => [name, Object.fromEntries(Object.entries(documents).map(([id, { document }]) => [id, factsOf(name, document as Record<string, unknown>)]))]),
  );
}
