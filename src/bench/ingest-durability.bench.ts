import { openEventStore } from '../app-stores';
import { loadConfig } from '../config';
import type { WebhookDeliveryReceived } from '../aggregates/webhook-delivery/webhook-delivery.events';

export interface DurabilityCheck {
  readonly acknowledged: number;
  /** Acknowledged deliveries found in the inbox (a `WebhookDeliveryReceived` with their dedupe key). */
  readonly stored: number;
  /** Dedupe keys stored more than once (the inbox must store each delivery once). */
  readonly storedTwice: number;
  /** Stored but never acknowledged: requests cut off when a load run ended. */
  readonly unacknowledged: number;
}

/**
 * Opens the event store the stopped server left in `dataDir` and looks for every acknowledged
 * delivery in the inbox; throws when one is missing, since a 2xx promises the delivery is stored.
 */
export async function verifyDurable(dataDir: string, acknowledged: readonly string[]): Promise<DurabilityCheck> {
  const { store } = await openEventStore(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }));
  const counts = new Map<string, number>();
  try {
    for await (const event of store.readAll({ categories: ['WebhookDelivery'], types: ['WebhookDeliveryReceived'] })) {
      const { dedupeKey } = (event as unknown as WebhookDeliveryReceived).data;
      counts.set(dedupeKey, (counts.get(dedupeKey) ?? 0) + 1);
    }
  } finally {
    await store.close();
  }
  const acked = new Set(acknowledged);
  const missing = [...acked].filter((key) => !counts.has(key));
  const check: DurabilityCheck = {
    acknowledged: acked.size,
    stored: acked.size - missing.length,
    storedTwice: [...counts.values()].filter((count) => count > 1).length,
    unacknowledged: [...counts.keys()].filter((key) => !acked.has(key)).length,
  };
  console.log(
    `  durability: ${check.stored.toLocaleString('en')} of ${check.acknowledged.toLocaleString('en')} acknowledged deliveries in the event store, ` +
      `${check.storedTwice} stored twice, ${check.unacknowledged} stored without an acknowledgement (cut off at the end of a run)`,
  );
  if (missing.length > 0 || check.storedTwice > 0) {
    throw new Error(`${missing.length} acknowledged deliveries are missing from the event store (e.g. ${missing.slice(0, 3).join(', ')}); ${check.storedTwice} stored twice`);
  }
  return check;
}
