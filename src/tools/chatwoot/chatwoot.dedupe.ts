import { createHash } from 'node:crypto';
import { type DeliverySplitter, keyPart, optionalKeyPart } from '../../ingest/receiver/delivery-draft';

/**
 * Only what the signature covers identifies a delivery. Chatwoot signs `{timestamp}.{body}` but not
 * `X-Chatwoot-Delivery`, so the key is the signed body's SHA-256: a captured request re-sent with
 * new delivery ids is a duplicate, and so is a retry Chatwoot signs again at another second (the
 * timestamp only bounds how long a signature is accepted). Its bodies carry the event's own times
 * (`updated_at`, `timestamp`), so two events never share one. Without a signature (never verified,
 * only split in specs): event + id + updated_at from the body.
 */
export const chatwootDeliveries: DeliverySplitter = ({ raw, body, headers }) => {
  const eventKind = keyPart(body.event, 'event');
  const dedupeKey = headers['x-chatwoot-signature']
    ? `sha256:${createHash('sha256').update(raw).digest('hex')}`
    : `${eventKind}:${keyPart(body.id, 'id')}:${optionalKeyPart(body.updated_at)}`;
  return [{ dedupeKey, eventKind, payload: body }];
};
