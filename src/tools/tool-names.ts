import { type WebhookTool as DeliverySource, webhookTools as deliverySources } from '../aggregates/webhook-delivery/webhook-tool';

/**
 * The tools Zixly talks to: each one's name (stored in events, a value of the GraphQL `WebhookTool`
 * enum when it sends webhooks) and how operators read it. Declared here, importing nothing, so the
 * webhook inbox and translations can name a tool without importing the tools themselves. What each
 * tool supports — and the code that does it — is registered in `src/tools/index.ts`, which the
 * compiler holds to exactly these names.
 */
const declared = {
  plane: { label: 'Plane', sendsWebhooks: true },
  chatwoot: { label: 'Chatwoot', sendsWebhooks: true },
  invoiceninja: { label: 'Invoice Ninja', sendsWebhooks: true },
  xero: { label: 'Xero', sendsWebhooks: true },
  mautic: { label: 'Mautic', sendsWebhooks: true },
  nextcloud: { label: 'Nextcloud', sendsWebhooks: true },
  slack: { label: 'Slack', sendsWebhooks: false },
} as const;

export type ToolName = keyof typeof declared;
/** The webhook senders as the deliveries' events name them; the compiler holds `declared` to them. */
export type WebhookTool = DeliverySource;
type Senders = { [T in ToolName]: (typeof declared)[T]['sendsWebhooks'] extends true ? T : never }[ToolName];
const sameSenders: [Senders, DeliverySource] extends [DeliverySource, Senders] ? true : never = true;
void sameSenders;

/** Every tool: the webhook senders and those Zixly only calls (Slack). */
export const toolNames: readonly ToolName[] = Object.keys(declared) as ToolName[];
/** The tools that send webhooks to `/webhooks/<tool>`. */
export const webhookTools: readonly WebhookTool[] = deliverySources;

/** How operators read each tool's name in messages. */
export const toolLabels: Readonly<Record<ToolName, string>> = Object.fromEntries(toolNames.map((tool) => [tool, declared[tool].label])) as Record<ToolName, string>;
