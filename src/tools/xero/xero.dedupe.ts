import { type DeliveryDraft, type DeliverySplitter, isObject, keyPart, MalformedDeliveryError } from '../../ingest/receiver/delivery-draft';

/**
 * One delivery per event of the batch (a batch may span tenants); each keeps the envelope with its
 * one event, so a translator reads `payload.events[0]`. The intent-to-receive request has no events
 * and yields no delivery. Key: tenantId + eventCategory + resourceId + eventType + eventDateUtc.
 */
export const xeroDeliveries: DeliverySplitter = ({ body }) => {
  // An intent-to-receive may carry `events: null` instead of `[]`: no events, no delivery, answered 200.
  const events = body.events === null ? [] : body.events;
  if (!Array.isArray(events)) throw new MalformedDeliveryError('events must be an array');
  return events.map((event, index): DeliveryDraft => {
    if (!isObject(event)) throw new MalformedDeliveryError(`events[${index}] must be an object`);
    const field = (name: string) => keyPart(event[name], `events[${index}].${name}`);
    const category = field('eventCategory');
    const type = field('eventType');
    const dedupeKey = [field('tenantId'), category, field('resourceId'), type, field('eventDateUtc')].join(':');
    return { dedupeKey, eventKind: `${category}.${type}`, payload: { ...body, events: [event] } };
  });
};
