import { createHash } from 'node:crypto';
import { hmacSha256, jsonContent, type WebhookSigner } from '../../testing/tools/webhook-signer';

/** `X-Chatwoot-Signature`: `sha256=` hex HMAC-SHA256 of `<timestamp>.<body>`, with the timestamp and a delivery id. */
export const signChatwoot: WebhookSigner = (body, secret, options) => {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const delivery = options.chatwootDelivery ?? createHash('sha256').update(body).digest('hex').slice(0, 32);
  return { ...jsonContent, 'x-chatwoot-delivery': delivery, 'x-chatwoot-timestamp': timestamp, 'x-chatwoot-signature': `sha256=${hmacSha256(secret, timestamp, '.', body).toString('hex')}` };
};
