import { translateChatwoot } from './chatwoot/chatwoot.translate';
import type { Translator, WebhookTool } from './delivery';
import { translateInvoiceNinja } from './invoiceninja/invoiceninja.translate';
import { translateMautic } from './mautic/mautic.translate';
import { translateNextcloud } from './nextcloud/nextcloud.translate';
import { translatePlane } from './plane/plane.translate';
import { translateXero } from './xero/xero.translate';

/** One pure translator per tool: what a delivery means as business commands (or why nothing). */
export const translators: Readonly<Record<WebhookTool, Translator>> = {
  plane: translatePlane,
  chatwoot: translateChatwoot,
  invoiceninja: translateInvoiceNinja,
  xero: translateXero,
  mautic: translateMautic,
  nextcloud: translateNextcloud,
};

export { xeroFetchIntents, type XeroFetchIntent } from './xero/xero.translate';
