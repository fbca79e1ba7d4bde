import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { MauticClient } from './mautic.client';

/** Mautic: its hooks (a list, or an object keyed by id on some releases) prove the credentials and show each secret. */
export function mauticProbe(client: MauticClient): ToolProbe {
  return {
    credentials: async () => void (await client.hooks()),
    webhooks: async () => {
      const hooks = await client.hooks();
      const all = Array.isArray(hooks) ? rows(hooks) : rows(typeof hooks === 'object' && hooks !== null ? Object.values(hooks) : []);
      return all.map((hook) => ({ url: text(hook.webhookUrl), secret: text(hook.secret) || null, active: hook.isPublished !== false }));
    },
  };
}
