import { hmacSha256, jsonContent, type WebhookSigner } from '../../testing/tools/webhook-signer';

/** `X-Xero-Signature`: base64 HMAC-SHA256 of the body with the webhook key. */
export const signXero: WebhookSigner = (body, secret) => ({ ...jsonContent, 'x-xero-signature': hmacSha256(secret, body).toString('base64') });
