import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { NextcloudClient } from './nextcloud.client';

/** Nextcloud: the OCS user endpoint proves the app password; `webhook_listeners` lists webhooks (admins only). */
export function nextcloudProbe(client: NextcloudClient): ToolProbe {
  return {
    credentials: async () => void (await client.currentUser()),
    webhooks: async () => rows(await client.webhookListeners()).map((webhook) => ({ url: text(webhook.uri), secret: undefined, active: true })),
  };
}
