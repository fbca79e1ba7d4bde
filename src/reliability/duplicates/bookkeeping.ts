import type { Snapshot } from '../support/read-model-snapshot';

/**
 * What may differ between two runs of the same facts: where in the log a document was last written,
 * the ingest machinery's own record of arrivals and attempts (`webhook_deliveries`: times of
 * receipt, failed attempts of a delivery that came before the one it needed). The SLA timers, which
 * also record where their ticket's opening sits in the log, are not kept: the run has no workflows.
 */
export function withoutBookkeeping(snapshot: Snapshot): Record<string, Record<string, unknown>> {
  const { webhook_deliveries: _machinery, ...business } = snapshot;
  return Object.fromEntries(
    Object.entries(business).map(([name, documents]) => [name, Object.fromEntries(Object.entries(documents).map(([id, { document }]) => [id, document]))]),
  );
}
