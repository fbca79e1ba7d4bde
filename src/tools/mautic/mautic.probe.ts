import type { Json } from '../../core/read-store.port';
import type { ToolHttpClient } from '../shared/tool-http.client';
import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { MauticCredentials } from './mautic.config';

/** Mautic: `GET /hooks` under `MAUTIC_API_URL` (which ends in `/api`) answers `{ hooks: [{ webhookUrl, secret, isPublished }] }` (an object keyed by id on some releases). */
export function mauticProbe(credentials: MauticCredentials, http: ToolHttpClient): ToolProbe {
  const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  const list = () => http.getJson<{ hooks?: Json }>({ url: `${credentials.apiUrl}/hooks?limit=100`, headers: { authorization: `Basic ${basic}` } });
  return {
    credentials: async () => void (await list()),
    webhooks: async () => {
      const hooks = (await list())?.hooks;
      const all = Array.isArray(hooks) ? rows(hooks) : rows(typeof hooks === 'object' && hooks !== null ? Object.values(hooks) : []);
      return all.map((hook) => ({ url: text(hook.webhookUrl), secret: text(hook.secret) || null, active: hook.isPublished !== false }));
    },
  };
}
