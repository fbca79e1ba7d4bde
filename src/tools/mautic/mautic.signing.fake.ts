import { hmacSha256, jsonContent, type WebhookSigner } from '../../testing/tools/webhook-signer';

/** `Webhook-Signature`: base64 HMAC-SHA256 of the body. */
export const signMautic: WebhookSigner = (body, secret) => ({ ...jsonContent, 'webhook-signature': hmacSha256(secret, body).toString('base64') });
