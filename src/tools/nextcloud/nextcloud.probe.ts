import type { Json } from '../../core/read-store.port';
import type { ToolHttpClient } from '../shared/tool-http.client';
import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { NextcloudConfig } from './nextcloud.config';

/** Nextcloud: the OCS user endpoint proves the app password; `webhook_listeners` lists webhooks (admins only). */
export function nextcloudProbe(credentials: NextcloudConfig, http: ToolHttpClient): ToolProbe {
  const headers = { authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.appPassword}`).toString('base64')}`, 'ocs-apirequest': 'true' };
  return {
    credentials: async () => void (await http.getJson({ url: `${credentials.url}/ocs/v2.php/cloud/user?format=json`, headers })),
    webhooks: async () => {
      const answer = await http.getJson<{ ocs?: { data?: Json } }>({ url: `${credentials.url}/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks?format=json`, headers });
      return rows(answer?.ocs?.data).map((webhook) => ({ url: text(webhook.uri), secret: undefined, active: true }));
    },
  };
}
