import type { Delivery, IdentityLookup, Translation } from '../../ingest/delivery';
import { fromIsoInstant } from '../shared/mapping/instants.mapping';
import { Fields } from '../shared/mapping/payload.reader';
import { ignored, translateWith } from '../shared/mapping/translation.results';

/** An invoice a notification names, for the Xero sync job to fetch. */
export interface XeroFetchIntent {
  readonly tenantId: string;
  readonly invoiceId: string;
  readonly eventType: string;
  readonly eventDateUtc: string;
}

interface XeroNotification extends XeroFetchIntent {
  readonly category: string;
}

function notificationsOf(payload: Delivery['payload']): XeroNotification[] {
  return Fields.of(payload)
    .list('events')
    .map((event) => ({
      tenantId: event.string('tenantId'),
      category: event.string('eventCategory'),
      invoiceId: event.string('resourceId'),
      eventType: event.string('eventType'),
      eventDateUtc: fromIsoInstant(event.string('eventDateUtc'), event.at('eventDateUtc')),
    }));
}

/** The invoices a delivery names; the worker hands them to the Xero sync job (`notify`). */
export function xeroFetchIntents(payload: Delivery['payload']): XeroFetchIntent[] {
  return notificationsOf(payload)
    .filter((event) => event.category === 'INVOICE')
    .map(({ tenantId, invoiceId, eventType, eventDateUtc }) => ({ tenantId, invoiceId, eventType, eventDateUtc }));
}

const reasonFor = (event: XeroNotification): string => {
  switch (event.category) {
    case 'INVOICE':
      return `invoice ${event.invoiceId} (${event.eventType}) is fetched by the xero sync job`;
    case 'CONTACT':
      return `contact ${event.invoiceId}: contacts are linked to clients through identities`;
    case 'CREDITNOTE':
      return `credit note ${event.invoiceId}: counts when allocated, read from the invoice it is allocated to (its next INVOICE update)`;
    default:
      return `${event.category.toLowerCase()} ${event.invoiceId}: not used`;
  }
};

/**
 * Xero notifications carry no data, only the name of a changed resource, so a translation can
 * decide nothing: every delivery is acknowledged as ignored, saying what the sync job will fetch.
 * The pull (xero sync) fetches each named invoice and maps it with `xeroInvoiceCommands`.
 */
export function translateXero(delivery: Delivery, _identities: IdentityLookup): Translation {
  return translateWith(() => {
    const events = notificationsOf(delivery.payload);
    if (events.length === 0) return ignored('xero intent to receive: no events');
    return ignored(`xero: notifications carry no data; ${events.map(reasonFor).join('; ')}`);
  });
}
