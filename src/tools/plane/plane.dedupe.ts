import { createHash } from 'node:crypto';
import { type DeliverySplitter, keyPart, MalformedDeliveryError, optionalKeyPart } from '../../ingest/receiver/delivery-draft';

/**
 * v2 (`version: "v2"`) carries a stable `event_id`. v1 has none and `X-Plane-Delivery` changes per
 * retry, but a retried body is byte-identical: its SHA-256 (with the webhook id) is the key.
 */
export const planeDeliveries: DeliverySplitter = ({ raw, body, headers }) => {
  if (body.version === 'v2') {
    const eventKind = optionalKeyPart(body.event) || headers['x-plane-event'] || '';
    if (eventKind === '') throw new MalformedDeliveryError('event is missing');
    return [{ dedupeKey: `v2:${keyPart(body.event_id, 'event_id')}`, eventKind, payload: body }];
  }
  const event = keyPart(body.event ?? headers['x-plane-event'], 'event');
  const action = keyPart(body.action, 'action');
  const bodyHash = createHash('sha256').update(raw).digest('hex');
  return [{ dedupeKey: `v1:${optionalKeyPart(body.webhook_id)}:${bodyHash}`, eventKind: `${event}.${action}`, payload: body }];
};
