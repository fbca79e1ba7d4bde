/** The tools that send webhooks to `/webhooks/<tool>`: deliveries and identity links name one of them. */
export const webhookTools = ['plane', 'chatwoot', 'invoiceninja', 'xero', 'mautic', 'nextcloud'] as const;
export type WebhookTool = (typeof webhookTools)[number];
