import { type DeliverySplitter, keyPart, MalformedDeliveryError, optionalKeyPart } from '../../ingest/receiver/delivery-draft';
import { invoiceNinjaEventName } from './invoiceninja.event-names';

/** The header our subscriptions send with the event name, since Invoice Ninja's body has none. */
export const invoiceNinjaEventHeader = 'x-in-event';

/**
 * The body is the bare entity, so the event comes from the URL (`/webhooks/invoiceninja/<event>`)
 * or the `X-IN-Event` header, as a name or its numeric id. Key: (event, entity id, updated_at),
 * plus status_id for payments, whose status changes without other fields doing so.
 */
export const invoiceNinjaDeliveries: DeliverySplitter = ({ body, headers, pathSuffix }) => {
  const given = pathSuffix ?? headers[invoiceNinjaEventHeader];
  if (!given) throw new MalformedDeliveryError(`no event name: post to /webhooks/invoiceninja/<event> or send ${invoiceNinjaEventHeader}`);
  const event = invoiceNinjaEventName(given);
  if (event === null) throw new MalformedDeliveryError(`unknown Invoice Ninja event "${given}"`);
  const parts = [event, keyPart(body.id, 'id'), keyPart(body.updated_at, 'updated_at')];
  if (event.includes('payment')) parts.push(optionalKeyPart(body.status_id));
  return [{ dedupeKey: parts.join(':'), eventKind: event, payload: body }];
};
