import { signedPost } from '../../ingest/receiver/tool-ingest';
import type { ToolParts } from '../shared/tool-parts';
import { InvoiceNinjaClient } from './invoiceninja.client';
import { readInvoiceNinjaConfig, type InvoiceNinjaConfig } from './invoiceninja.config';
import { invoiceNinjaDeliveries } from './invoiceninja.dedupe';
import { invoiceNinjaProbe } from './invoiceninja.probe';
import { verifyInvoiceNinja } from './invoiceninja.signature';
import { InvoiceNinjaSyncSource } from './invoiceninja.sync-source';
import { invoiceNinjaPaymentsNamed, translateInvoiceNinja } from './invoiceninja.translate';

/** Invoice Ninja: webhooks with a shared secret header, invoices, payments and tasks pulled, clients and invoices by the workflows. */
export const invoiceNinjaTool = {
  config: readInvoiceNinjaConfig,
  client: (config, http) => new InvoiceNinjaClient(config, http),
  webhooks: {
    secretIn: 'header',
    // Invoice Ninja deletes a subscription answered 404, 405 or 410; the event name may follow the route.
    receiver: (secretHeader) => ({
      ...signedPost,
      verify: verifyInvoiceNinja(secretHeader),
      split: invoiceNinjaDeliveries,
      methods: ['POST', 'PUT'],
      pathSuffix: true,
      secretHeaders: [secretHeader],
      forbiddenStatuses: [404, 405, 410],
    }),
    translate: translateInvoiceNinja,
    paymentsNamed: invoiceNinjaPaymentsNamed,
  },
  sync: { intervalSeconds: 600, source: (config, http) => new InvoiceNinjaSyncSource(new InvoiceNinjaClient(config, http)) },
  probe: (client, { secretHeader }) => invoiceNinjaProbe(client, secretHeader ?? ''),
} satisfies ToolParts<InvoiceNinjaConfig, InvoiceNinjaClient>;
