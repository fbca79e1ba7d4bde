import { type DeliverySplitter, keyPart, optionalKeyPart } from '../receiver/delivery-draft';

/** `X-Chatwoot-Delivery` (one uuid per event and webhook); versions without it: event + id + updated_at. */
export const chatwootDeliveries: DeliverySplitter = ({ body, headers }) => {
  const eventKind = keyPart(body.event, 'event');
  const delivery = headers['x-chatwoot-delivery'];
  const dedupeKey = delivery ? `delivery:${delivery}` : `${eventKind}:${keyPart(body.id, 'id')}:${optionalKeyPart(body.updated_at)}`;
  return [{ dedupeKey, eventKind, payload: body }];
};
