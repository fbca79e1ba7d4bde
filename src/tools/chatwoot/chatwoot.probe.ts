import type { Json } from '../../core/read-store.port';
import type { ToolHttpClient } from '../shared/tool-http.client';
import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { ChatwootConfig } from './chatwoot.config';

/** Chatwoot: `GET /api/v1/accounts/{id}/webhooks` answers `{ payload: { webhooks: [{ url, secret? }] } }`. */
export function chatwootProbe(credentials: ChatwootConfig, http: ToolHttpClient): ToolProbe {
  const list = () => http.getJson<{ payload?: { webhooks?: Json } }>({ url: `${credentials.apiUrl}/api/v1/accounts/${credentials.accountId}/webhooks`, headers: { api_access_token: credentials.apiToken } });
  return {
    credentials: async () => void (await list()),
    webhooks: async () => rows((await list())?.payload?.webhooks).map((webhook) => ({ url: text(webhook.url), secret: 'secret' in webhook ? text(webhook.secret) || null : undefined, active: true })),
  };
}
