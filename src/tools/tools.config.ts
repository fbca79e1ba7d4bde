import { readSyncConfig, type InvoiceNinjaCredentials, type MauticCredentials, type PlaneCredentials } from '../ingest/sync/sync.config';
import { toolLabels, type ToolName } from './shared/tool-http';
import { wholeNumber } from '../config-values';

/*
 * Plane, Invoice Ninja and Mautic credentials are the pull sync's (src/ingest/sync): the same
 * variables, read and checked by the same code. Nextcloud and Slack are only used here.
 */

export interface PlaneConfig extends PlaneCredentials {
  /** Where people open Plane (`PLANE_WEB_URL`), for links; defaults to the API URL. */
  readonly webUrl: string;
}

export interface NextcloudConfig {
  readonly url: string;
  readonly user: string;
  readonly appPassword: string;
}

export interface MauticConfig extends MauticCredentials {
  /** `MAUTIC_WELCOME_EMAIL_ID`: the template email sent to a new client; without it that step is skipped. */
  readonly welcomeEmailId: string | null;
}

export type InvoiceNinjaConfig = InvoiceNinjaCredentials;

export interface SlackConfig {
  readonly webhookUrl: string;
  /** `SLACK_MIN_INTERVAL_MS` (default 1,000): Slack accepts about one message a second per webhook. */
  readonly minIntervalMs: number;
}

/** A tool is configured when all its variables are set; otherwise null, and its steps are skipped. */
export interface ToolsConfig {
  readonly plane: PlaneConfig | null;
  readonly nextcloud: NextcloudConfig | null;
  readonly mautic: MauticConfig | null;
  readonly invoiceninja: InvoiceNinjaConfig | null;
  readonly slack: SlackConfig | null;
  /** The variables still missing, per tool that is not configured. */
  readonly missing: Readonly<Partial<Record<ToolName, readonly string[]>>>;
}

type Value = (name: string) => string | undefined;

/** Why a tool's steps are skipped: it names the variables still to set. */
export function notConfiguredReason(tool: ToolName, tools: ToolsConfig): string {
  const names = tools.missing[tool] ?? [];
  return `${toolLabels[tool]} is not configured${names.length > 0 ? ` (set ${names.join(', ')})` : ''}`;
}

export function readToolsConfig(value: Value, problems: string[]): ToolsConfig {
  const sync = readSyncConfig(value, problems).tools;
  const nextcloud = ownTool(value, problems, ['NEXTCLOUD_URL', 'NEXTCLOUD_USER', 'NEXTCLOUD_APP_PASSWORD']);
  const slack = ownTool(value, problems, ['SLACK_WEBHOOK_URL']);
  const planeWebUrl = value('PLANE_WEB_URL');
  if (planeWebUrl !== undefined && !isHttpUrl(planeWebUrl)) problems.push(`PLANE_WEB_URL must be an http(s) URL, got "${planeWebUrl}"`);
  const missing: Partial<Record<ToolName, readonly string[]>> = {};
  if (!sync.plane.enabled) missing.plane = sync.plane.missing;
  if (!sync.mautic.enabled) missing.mautic = sync.mautic.missing;
  if (!sync.invoiceninja.enabled) missing.invoiceninja = sync.invoiceninja.missing;
  if ('missing' in nextcloud) missing.nextcloud = nextcloud.missing;
  if ('missing' in slack) missing.slack = slack.missing;
  return {
    plane: sync.plane.enabled ? { ...sync.plane.credentials, webUrl: (planeWebUrl ?? sync.plane.credentials.apiUrl).replace(/\/+$/, '') } : null,
    mautic: sync.mautic.enabled ? { ...sync.mautic.credentials, welcomeEmailId: value('MAUTIC_WELCOME_EMAIL_ID') ?? null } : null,
    invoiceninja: sync.invoiceninja.enabled ? sync.invoiceninja.credentials : null,
    nextcloud: 'values' in nextcloud ? { url: nextcloud.values[0]!.replace(/\/+$/, ''), user: nextcloud.values[1]!, appPassword: nextcloud.values[2]! } : null,
    slack: 'values' in slack ? { webhookUrl: slack.values[0]!, minIntervalMs: wholeNumber(value, 'SLACK_MIN_INTERVAL_MS', 1_000, 0, 60_000, problems) } : null,
    missing,
  };
}

/** Variables of a tool only the workflows use; the first is its URL. */
function ownTool(value: Value, problems: string[], names: readonly string[]): { values: string[] } | { missing: string[] } {
  const values = names.map(value);
  const missing = names.filter((_, index) => values[index] === undefined);
  if (missing.length > 0) return { missing };
  // The Slack webhook URL is itself the secret: never echo it.
  const shown = names[0] === 'SLACK_WEBHOOK_URL' ? '(hidden)' : `"${values[0]}"`;
  if (!isHttpUrl(values[0]!)) problems.push(`${names[0]} must be an http(s) URL, got ${shown}`);
  return { values: values as string[] };
}

const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s/]+/.test(url);
