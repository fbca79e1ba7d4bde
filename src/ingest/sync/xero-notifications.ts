import type { WebhookDeliveryReceived } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import type { Reactor } from '../../core/reactor';
import { xeroFetchIntents } from '../../tools/xero/xero.translate';
import type { SyncScheduler } from './sync-scheduler';

/**
 * Xero notifications carry no data: each names an invoice for the Xero sync job to fetch. Follows
 * new Xero deliveries and hands their invoices to the job. It keeps no checkpoint: a notification
 * missed while the process was down is still caught, by the job's own "modified since the cursor" pull.
 */
export function xeroNotificationsReactor(scheduler: Pick<SyncScheduler, 'notifyXero'>): Reactor {
  return {
    name: 'xero-notifications',
    types: ['WebhookDeliveryReceived'],
    categories: ['WebhookDelivery'],
    startAt: 'end',
    checkpointKey: null,
    handle(event) {
      const data = event.data as WebhookDeliveryReceived['data'];
      if (data.tool === 'xero' && data.payload !== undefined) scheduler.notifyXero(xeroFetchIntents(data.payload));
    },
  };
}
