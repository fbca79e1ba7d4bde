import type { WebhookSigner } from '../../testing/tools/webhook-signer';

/** Nextcloud's webhook listeners send a fixed header: the secret in X-Zixly-Secret by default. */
export const signNextcloud: WebhookSigner = (_body, secret) => ({ 'x-zixly-secret': secret });
