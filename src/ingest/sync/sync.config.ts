import { ConfigError, type ConfigValue, flag, wholeNumber } from '../../config-values';

export const syncTools = ['plane', 'invoiceninja', 'xero', 'chatwoot', 'mautic'] as const;
export type SyncTool = (typeof syncTools)[number];

export interface PlaneCredentials { readonly apiUrl: string; readonly apiKey: string; readonly workspace: string }
export interface InvoiceNinjaCredentials { readonly apiUrl: string; readonly apiToken: string }
export interface XeroCredentials { readonly apiUrl: string; readonly accessToken: string; readonly tenantId: string }
export interface ChatwootCredentials { readonly apiUrl: string; readonly apiToken: string; readonly accountId: string }
export interface MauticCredentials { readonly apiUrl: string; readonly username: string; readonly password: string }

interface CredentialsOf {
  plane: PlaneCredentials;
  invoiceninja: InvoiceNinjaCredentials;
  xero: XeroCredentials;
  chatwoot: ChatwootCredentials;
  mautic: MauticCredentials;
}

/** A tool's sync: disabled (and why) when any of its credentials is missing. */
export type ToolSyncConfig<T extends SyncTool> =
  | { readonly tool: T; readonly enabled: true; readonly intervalSeconds: number; readonly credentials: CredentialsOf[T] }
  | { readonly tool: T; readonly enabled: false; readonly intervalSeconds: number; readonly missing: readonly string[] };

export interface SyncConfig {
  /**
   * `SYNC_ENABLED` (default true): whether this process pulls at all. Like the workflow engine,
   * one process should pull: set it to false in the others.
   */
  readonly enabled: boolean;
  readonly tools: { readonly [T in SyncTool]: ToolSyncConfig<T> };
  /** `SYNC_HTTP_TIMEOUT_MS`: per request. */
  readonly timeoutMs: number;
  /** `SYNC_HTTP_MAX_ATTEMPTS`: tries per request on timeouts, 429 and 5xx. */
  readonly maxAttempts: number;
  /** `SYNC_MAX_PAGES_PER_RUN`: bounds a run, and the work a crash can lose. */
  readonly maxPagesPerRun: number;
}

const variables: { readonly [T in SyncTool]: Readonly<Record<keyof CredentialsOf[T], string>> } = {
  plane: { apiUrl: 'PLANE_API_URL', apiKey: 'PLANE_API_KEY', workspace: 'PLANE_WORKSPACE' },
  invoiceninja: { apiUrl: 'INVOICENINJA_API_URL', apiToken: 'INVOICENINJA_API_TOKEN' },
  xero: { apiUrl: 'XERO_API_URL', accessToken: 'XERO_ACCESS_TOKEN', tenantId: 'XERO_TENANT_ID' },
  chatwoot: { apiUrl: 'CHATWOOT_API_URL', apiToken: 'CHATWOOT_API_TOKEN', accountId: 'CHATWOOT_ACCOUNT_ID' },
  mautic: { apiUrl: 'MAUTIC_API_URL', username: 'MAUTIC_USERNAME', password: 'MAUTIC_PASSWORD' },
};

/** Xero has one public API host; the variable exists for tests and proxies. */
const defaults: Readonly<Record<string, string>> = { XERO_API_URL: 'https://api.xero.com' };

const defaultIntervals: Readonly<Record<SyncTool, number>> = { plane: 900, invoiceninja: 600, xero: 600, chatwoot: 300, mautic: 900 };


function toolConfig<T extends SyncTool>(tool: T, value: ConfigValue, problems: string[]): ToolSyncConfig<T> {
  const intervalName = `SYNC_${tool.toUpperCase()}_INTERVAL_SECONDS`;
  const intervalSeconds = wholeNumber(value, intervalName, defaultIntervals[tool], 30, 86_400, problems);
  const entries = Object.entries(variables[tool]) as Array<[string, string]>;
  const missing = entries.filter(([, name]) => (value(name) ?? defaults[name]) === undefined).map(([, name]) => name);
  if (missing.length > 0) return { tool, enabled: false, intervalSeconds, missing };
  const credentials = Object.fromEntries(entries.map(([key, name]) => [key, (value(name) ?? defaults[name])!])) as unknown as CredentialsOf[T];
  const apiUrl = (credentials as { apiUrl: string }).apiUrl;
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) problems.push(`${variables[tool].apiUrl} must be an http(s) URL, got "${apiUrl}"`);
  return { tool, enabled: true, intervalSeconds, credentials: { ...credentials, apiUrl: apiUrl.replace(/\/+$/, '') } };
}

/** Reads the pull-sync settings, adding one line per problem to `problems` (see `loadConfig`). */
export function readSyncConfig(value: ConfigValue, problems: string[]): SyncConfig {
  const tools = Object.fromEntries(syncTools.map((tool) => [tool, toolConfig(tool, value, problems)])) as unknown as SyncConfig['tools'];
  return {
    enabled: flag(value, 'SYNC_ENABLED', true, problems),
    tools,
    timeoutMs: wholeNumber(value, 'SYNC_HTTP_TIMEOUT_MS', 15_000, 100, 300_000, problems),
    maxAttempts: wholeNumber(value, 'SYNC_HTTP_MAX_ATTEMPTS', 4, 1, 10, problems),
    maxPagesPerRun: wholeNumber(value, 'SYNC_MAX_PAGES_PER_RUN', 50, 1, 10_000, problems),
  };
}

export function loadSyncConfig(env: Readonly<Record<string, string | undefined>> = process.env): SyncConfig {
  const problems: string[] = [];
  const config = readSyncConfig((name) => (env[name]?.trim() ? env[name]!.trim() : undefined), problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

