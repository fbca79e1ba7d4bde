import type { Json } from '../../core/read-store.port';
import type { Delivery, WebhookTool } from '../delivery';

/**
 * A pulled record shaped as the delivery its webhook would have been, so it goes through the very
 * translator the webhook path uses. `receivedAt` is the record's own time: translators never read
 * it, and nothing here may read the clock.
 */
export function pulledDelivery(tool: WebhookTool, eventKind: string, recordId: string, recordTime: string, payload: Json): Delivery {
  const key = `sync:${tool}:${eventKind}:${recordId}:${recordTime}`;
  return { deliveryId: key, tool, dedupeKey: key, eventKind, receivedAt: recordTime, headers: {}, payload };
}
