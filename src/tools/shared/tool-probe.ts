import type { Json } from '../../core/read-store.port';

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
  /** Where to look instead, when `webhooks` cannot list them. */
  readonly notCheckable?: string;
}

type Row = Record<string, Json>;

/** The objects of a JSON list (anything else: none). */
export const rows = (value: Json | undefined): Row[] => (Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null && !Array.isArray(row)) : []);
/** A JSON string, or '' for anything else. */
export const text = (value: Json | undefined): string => (typeof value === 'string' ? value : '');
