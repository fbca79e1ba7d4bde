import type { Json } from '../../core/read-store.port';
import { rows, text, type ToolProbe } from '../shared/tool-probe';
import type { InvoiceNinjaClient } from './invoiceninja.client';

/** Invoice Ninja 5: its webhook list proves the token and shows each webhook's secret header. */
export function invoiceNinjaProbe(client: InvoiceNinjaClient, secretHeader: string): ToolProbe {
  return {
    credentials: async () => void (await client.webhooks()),
    webhooks: async () =>
      rows(await client.webhooks()).map((webhook) => ({
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
