import { jsonContent, type WebhookSigner } from '../../testing/tools/webhook-signer';

/** Invoice Ninja cannot sign: the secret travels in a custom header (X-Zixly-Secret by default), with the event name. */
export const signInvoiceNinja: WebhookSigner = (_body, secret, options) => ({ ...jsonContent, 'x-zixly-secret': secret, 'x-in-event': options.invoiceNinjaEvent ?? 'create_client' });
