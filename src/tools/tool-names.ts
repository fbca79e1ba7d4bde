/**
 * The names of the tools Zixly talks to, and which of them send webhooks. These names are stored in
 * events and are a GraphQL enum, so they are declared here, importing nothing: the webhook inbox and
 * translations can name a tool without importing the tools themselves. What each tool supports —
 * and the code that does it — is registered in `src/tools/index.ts`, which the compiler holds to
 * exactly these names.
 */
export const webhookTools = ['plane', 'chatwoot', 'invoiceninja', 'xero', 'mautic', 'nextcloud'] as const;
export type WebhookTool = (typeof webhookTools)[number];

/** Every tool: the webhook senders and those Zixly only calls (Slack). */
export const toolNames = [...webhookTools, 'slack'] as const;
export type ToolName = (typeof toolNames)[number];
