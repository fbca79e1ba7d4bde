import type { Json } from '../../core/read-store.port';
import type { ToolHttpClient } from '../shared/tool-http.client';
import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { InvoiceNinjaConfig } from './invoiceninja.config';

/** Invoice Ninja 5: `GET /api/v1/webhooks` (WebhookTransformer: `target_url`, `headers`, `is_deleted`, `archived_at`). */
export function invoiceNinjaProbe(credentials: InvoiceNinjaConfig, http: ToolHttpClient, secretHeader: string): ToolProbe {
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
