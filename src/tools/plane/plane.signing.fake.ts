import { hmacSha256, jsonContent, type WebhookSigner } from '../../testing/tools/webhook-signer';

/** `X-Plane-Signature`: hex HMAC-SHA256 of the body. */
export const signPlane: WebhookSigner = (body, secret) => ({ ...jsonContent, 'x-plane-event': 'issue', 'x-plane-signature': hmacSha256(secret, body).toString('hex') });
