import { chatwootDeliveries } from '../../tools/chatwoot/chatwoot.dedupe';
import { verifyChatwoot } from '../../tools/chatwoot/chatwoot.signature';
import type { WebhookTool } from '../delivery';
import type { WebhookConfig } from '../ingest.config';
import { invoiceNinjaDeliveries } from '../../tools/invoiceninja/invoiceninja.dedupe';
import { verifyInvoiceNinja } from '../../tools/invoiceninja/invoiceninja.signature';
import { mauticDeliveries } from '../../tools/mautic/mautic.dedupe';
import { verifyMautic } from '../../tools/mautic/mautic.signature';
import { nextcloudDeliveries } from '../../tools/nextcloud/nextcloud.dedupe';
import { verifyNextcloud } from '../../tools/nextcloud/nextcloud.signature';
import { planeDeliveries } from '../../tools/plane/plane.dedupe';
import { verifyPlane } from '../../tools/plane/plane.signature';
import { xeroDeliveries } from '../../tools/xero/xero.dedupe';
import { verifyXero } from '../../tools/xero/xero.signature';
import type { DeliverySplitter } from './delivery-draft';
import type { SignatureVerifier } from './signature-check';

/** How the receiver treats one tool's requests. */
export interface ToolIngest {
  readonly verify: SignatureVerifier;
  readonly split: DeliverySplitter;
  /** Methods the tool can be configured to send. */
  readonly methods: readonly string[];
  /** Whether `/webhooks/<tool>/<suffix>` is meaningful (Invoice Ninja: the event name). */
  readonly pathSuffix: boolean;
  /** Headers holding the signature or the secret: never stored. */
  readonly secretHeaders: readonly string[];
  /** Xero: every answer has an empty body, and acceptance is 200. */
  readonly emptyBodies: boolean;
  readonly acceptedStatus: 200 | 202;
  /** Statuses that make the tool delete or unpublish its subscription: answered 400 instead. */
  readonly forbiddenStatuses: readonly number[];
}

const signed = { methods: ['POST'], pathSuffix: false, emptyBodies: false, acceptedStatus: 202, forbiddenStatuses: [] } as const;

export function webhookTools(config: WebhookConfig): Readonly<Record<WebhookTool, ToolIngest>> {
  const { invoiceninja: ninjaHeader, nextcloud: nextcloudHeader } = config.secretHeaders;
  return {
    plane: { ...signed, verify: verifyPlane, split: planeDeliveries, secretHeaders: ['x-plane-signature'] },
    chatwoot: { ...signed, verify: verifyChatwoot, split: chatwootDeliveries, secretHeaders: ['x-chatwoot-signature'] },
    mautic: { ...signed, verify: verifyMautic, split: mauticDeliveries, secretHeaders: ['webhook-signature'], forbiddenStatuses: [410] },
    xero: { ...signed, verify: verifyXero, split: xeroDeliveries, secretHeaders: ['x-xero-signature'], emptyBodies: true, acceptedStatus: 200 },
    invoiceninja: {
      ...signed,
      verify: verifyInvoiceNinja(ninjaHeader),
      split: invoiceNinjaDeliveries,
      methods: ['POST', 'PUT'],
      pathSuffix: true,
      secretHeaders: [ninjaHeader],
      forbiddenStatuses: [404, 405, 410],
    },
    nextcloud: { ...signed, verify: verifyNextcloud(nextcloudHeader), split: nextcloudDeliveries, methods: ['POST', 'PUT'], secretHeaders: [nextcloudHeader] },
  };
}
