import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { ChatwootClient } from './chatwoot.client';

/** Chatwoot: the account's webhook list proves the token; it shows a webhook's secret on releases that have one. */
export function chatwootProbe(client: ChatwootClient): ToolProbe {
  return {
    credentials: async () => void (await client.webhooks()),
    webhooks: async () => rows(await client.webhooks()).map((webhook) => ({ url: text(webhook.url), secret: 'secret' in webhook ? text(webhook.secret) || null : undefined, active: true })),
  };
}
