import type { EventStore } from '../../core/event-store.port';
import type { WebhookDeliveryReceived } from '../webhook-delivery.events';
import { xeroFetchIntents } from '../../tools/xero/xero.translate';
import type { SyncScheduler } from './sync-scheduler';

/**
 * Xero notifications carry no data: each names an invoice for the Xero sync job to fetch. Follows
 * new Xero deliveries and hands their invoices to the job. A notification missed while the process
 * was down is still caught, by the job's own "modified since the cursor" pull.
 */
export function forwardXeroNotifications(store: EventStore, scheduler: SyncScheduler): { stop(): Promise<void> } {
  const subscription = store.subscribe({ after: 'end', types: ['WebhookDeliveryReceived'], categories: ['WebhookDelivery'] });
  const done = (async () => {
    for await (const event of subscription) {
      const data = event.data as WebhookDeliveryReceived['data'];
      if (data.tool === 'xero' && data.payload !== undefined) scheduler.notifyXero(xeroFetchIntents(data.payload));
    }
  })();
  return {
    async stop() {
      await subscription.close();
      await done;
    },
  };
}
