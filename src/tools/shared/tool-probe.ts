import type { Json } from '../../core/read-store.port';
import type { SyncHttpClient } from './tool-reads';
import type { ChatwootCredentials, InvoiceNinjaCredentials, MauticCredentials, PlaneCredentials, XeroCredentials } from '../../ingest/sync/sync.config';

/** What a tool's API says about the webhooks it sends: where to, and the secret when it shows it. */
export interface WebhookTarget {
  readonly url: string;
  /** The secret (or secret header value) the tool sends; undefined when its API does not show it. */
  readonly secret?: string | null;
  readonly active: boolean;
}

/**
 * One probe per tool: an authenticated read that proves the credentials, and, where the tool's API
 * lists webhooks, the list. `webhooks` null: the API cannot show them (Plane's API keys, Xero's
 * developer portal).
 */
export interface ToolProbe {
  credentials(): Promise<void>;
  webhooks(): Promise<WebhookTarget[] | null>;
}

type Row = Record<string, Json>;
const rows = (value: Json | undefined): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null && !Array.isArray(row)) : []);
const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');

/** Invoice Ninja 5: `GET /api/v1/webhooks` (WebhookTransformer: `target_url`, `headers`, `is_deleted`, `archived_at`). */
export function invoiceNinjaProbe(credentials: InvoiceNinjaCredentials, http: SyncHttpClient, secretHeader: string): ToolProbe {
  const headers = { 'x-api-token': credentials.apiToken, 'x-requested-with': 'XMLHttpRequest' };
  const list = () => http.getJson<{ data?: Json }>({ url: `${credentials.apiUrl}/api/v1/webhooks?per_page=100`, headers });
  return {
    credentials: async () => void (await list()),
    webhooks: async () =>
      rows((await list())?.data).map((webhook) => ({
        url: text(webhook.target_url),
        secret: headerValue(webhook.headers, secretHeader),
        active: webhook.is_deleted !== true && !webhook.archived_at,
      })),
  };
}

/** Custom headers as an object (`{ "X-Zixly-Secret": "…" }`) or a list of `{ key, value }`; names compared case-insensitively. */
function headerValue(headers: Json | undefined, name: string): string | null {
  const wanted = name.toLowerCase();
  const pairs: Array<[string, Json]> = Array.isArray(headers)
    ? rows(headers).map((row) => [text(row.key ?? row.name), row.value ?? null])
    : typeof headers === 'object' && headers !== null ? Object.entries(headers) : [];
  const found = pairs.find(([key]) => key.toLowerCase() === wanted);
  return found && typeof found[1] === 'string' ? found[1] : null;
}

/** Chatwoot: `GET /api/v1/accounts/{id}/webhooks` answers `{ payload: { webhooks: [{ url, secret? }] } }`. */
export function chatwootProbe(credentials: ChatwootCredentials, http: SyncHttpClient): ToolProbe {
  const list = () => http.getJson<{ payload?: { webhooks?: Json } }>({ url: `${credentials.apiUrl}/api/v1/accounts/${credentials.accountId}/webhooks`, headers: { api_access_token: credentials.apiToken } });
  return {
    credentials: async () => void (await list()),
    webhooks: async () => rows((await list())?.payload?.webhooks).map((webhook) => ({ url: text(webhook.url), secret: 'secret' in webhook ? text(webhook.secret) || null : undefined, active: true })),
  };
}

/** Mautic: `GET /api/hooks` answers `{ hooks: [{ webhookUrl, secret, isPublished }] }` (an object keyed by id on some releases). */
export function mauticProbe(credentials: MauticCredentials, http: SyncHttpClient): ToolProbe {
  const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  const list = () => http.getJson<{ hooks?: Json }>({ url: `${credentials.apiUrl}/api/hooks?limit=100`, headers: { authorization: `Basic ${basic}` } });
  return {
    credentials: async () => void (await list()),
    webhooks: async () => {
      const hooks = (await list())?.hooks;
      const all = Array.isArray(hooks) ? rows(hooks) : rows(typeof hooks === 'object' && hooks !== null ? Object.values(hooks) : []);
      return all.map((hook) => ({ url: text(hook.webhookUrl), secret: text(hook.secret) || null, active: hook.isPublished !== false }));
    },
  };
}

/** Plane: its API keys read projects but not webhooks (those live behind a session in workspace settings). */
export function planeProbe(credentials: PlaneCredentials, http: SyncHttpClient): ToolProbe {
  return {
    credentials: async () => void (await http.getJson({ url: `${credentials.apiUrl}/api/v1/workspaces/${credentials.workspace}/projects/`, headers: { 'x-api-key': credentials.apiKey } })),
    webhooks: async () => null,
  };
}

/** Xero: the organisation proves token and tenant; webhooks are set in the developer portal, proven by intent-to-receive. */
export function xeroProbe(credentials: XeroCredentials, http: SyncHttpClient): ToolProbe {
  const headers = { authorization: `Bearer ${credentials.accessToken}`, 'xero-tenant-id': credentials.tenantId };
  return {
    credentials: async () => void (await http.getJson({ url: `${credentials.apiUrl}/api.xro/2.0/Organisation`, headers })),
    webhooks: async () => null,
  };
}

/** Nextcloud: the OCS user endpoint proves the app password; `webhook_listeners` lists webhooks (admins only). */
export function nextcloudProbe(credentials: { url: string; user: string; appPassword: string }, http: SyncHttpClient): ToolProbe {
  const headers = { authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.appPassword}`).toString('base64')}`, 'ocs-apirequest': 'true' };
  return {
    credentials: async () => void (await http.getJson({ url: `${credentials.url}/ocs/v2.php/cloud/user?format=json`, headers })),
    webhooks: async () => {
      const answer = await http.getJson<{ ocs?: { data?: Json } }>({ url: `${credentials.url}/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks?format=json`, headers });
      return rows(answer?.ocs?.data).map((webhook) => ({ url: text(webhook.uri), secret: undefined, active: true }));
    },
  };
}
