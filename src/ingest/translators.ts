import { translateChatwoot } from '../tools/chatwoot/chatwoot.translate';
import type { Translator, WebhookTool } from './delivery';
import { translateInvoiceNinja } from '../tools/invoiceninja/invoiceninja.translate';
import { translateMautic } from '../tools/mautic/mautic.translate';
import { translateNextcloud } from '../tools/nextcloud/nextcloud.translate';
import { translatePlane } from '../tools/plane/plane.translate';
import { translateXero } from '../tools/xero/xero.translate';

/** One pure translator per tool: what a delivery means as business commands (or why nothing). */
export const translators: Readonly<Record<WebhookTool, Translator>> = {
  plane: translatePlane,
  chatwoot: translateChatwoot,
  invoiceninja: translateInvoiceNinja,
  xero: translateXero,
  mautic: translateMautic,
  nextcloud: translateNextcloud,
};

export { xeroFetchIntents, type XeroFetchIntent } from '../tools/xero/xero.translate';
