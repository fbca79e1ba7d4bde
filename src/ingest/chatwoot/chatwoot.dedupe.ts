import { createHash } from 'node:crypto';
import { type DeliverySplitter, keyPart, optionalKeyPart } from '../receiver/delivery-draft';

/**
 * Only what the signature covers identifies a delivery: `X-Chatwoot-Timestamp` and the raw body.
 * `X-Chatwoot-Delivery` is not signed, so a captured request re-sent with new delivery ids is the
 * same delivery (a duplicate), not a new one each time. Without a timestamp (never verified, only
 * split in specs): event + id + updated_at from the body.
 */
export const chatwootDeliveries: DeliverySplitter = ({ raw, body, headers }) => {
  const eventKind = keyPart(body.event, 'event');
  const timestamp = headers['x-chatwoot-timestamp'];
  const dedupeKey = timestamp
    ? `signed:${timestamp}:${createHash('sha256').update(raw).digest('hex')}`
    : `${eventKind}:${keyPart(body.id, 'id')}:${optionalKeyPart(body.updated_at)}`;
  return [{ dedupeKey, eventKind, payload: body }];
};
