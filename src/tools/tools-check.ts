import type { AppConfig } from '../config';
import { AppError } from '../core/errors';
import { probedTools, toolRegistry, type ConfigOf, type ProbedTool } from '.';
import { ToolHttpClient } from './shared/tool-http.client';
import type { ToolProbe, WebhookTarget } from './shared/tool-probe';

export type CredentialsStatus = 'OK' | 'REFUSED' | 'FAILED' | 'NOT_CONFIGURED';
export type WebhookStatus = 'OK' | 'MISSING' | 'WRONG_SECRET' | 'SECRET_NOT_SHOWN' | 'NOT_CHECKABLE' | 'DISABLED' | 'UNKNOWN';

/** For each tool: do its API credentials work, and does a webhook of it reach this server with our secret? */
export interface ToolCheck {
  readonly tool: ProbedTool;
  readonly credentials: CredentialsStatus;
  readonly credentialsMessage: string;
  readonly webhook: WebhookStatus;
  readonly webhookMessage: string;
}

/**
 * The probe of each tool whose API credentials are configured (`probe` in its declaration, over the
 * settings its own reader gave); a sentence naming the missing variables otherwise.
 */
function probeOf<T extends ProbedTool>(tool: T, config: AppConfig, http: ToolHttpClient): ToolProbe | string {
  const settings = config.workflows.tools[tool] as ConfigOf<T> | null;
  if (settings === null) return `not configured (set ${(config.workflows.tools.missing[tool] ?? []).join(', ')})`;
  const parts = toolRegistry[tool] as unknown as {
    client: (settings: ConfigOf<T>, http: ToolHttpClient) => unknown;
    probe: (client: unknown, context: { secretHeader: string | null }) => ToolProbe;
  };
  return parts.probe(parts.client(settings, http), { secretHeader: config.webhooks.secretHeaders[tool] ?? null });
}

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function credentialsOf(probe: ToolProbe): Promise<{ status: CredentialsStatus; message: string }> {
  try {
    await probe.credentials();
    return { status: 'OK', message: 'the API answered' };
  } catch (error) {
    const refused = error instanceof AppError && error.code === 'sync.unauthorized';
    return { status: refused ? 'REFUSED' : 'FAILED', message: why(error) };
  }
}

/** Whether `url` is this server's route for `tool`: under `publicUrl` when it is known, by path otherwise. */
function reachesUs(url: string, tool: ProbedTool, publicUrl: string | null): boolean {
  const route = `/webhooks/${tool}`;
  if (publicUrl) return url === `${publicUrl}${route}` || url.startsWith(`${publicUrl}${route}/`) || url.startsWith(`${publicUrl}${route}?`);
  try {
    const path = new URL(url).pathname;
    return path === route || path.startsWith(`${route}/`);
  } catch {
    return false;
  }
}

function judge(targets: readonly WebhookTarget[], tool: ProbedTool, secret: string, publicUrl: string | null): { status: WebhookStatus; message: string } {
  const ours = targets.filter((target) => target.active && reachesUs(target.url, tool, publicUrl));
  const where = publicUrl ? `${publicUrl}/webhooks/${tool}` : `…/webhooks/${tool} (ZIXLY_PUBLIC_URL unset: matched on the path only)`;
  if (ours.length === 0) {
    const seen = targets.map((target) => target.url).join(', ') || 'none';
    return { status: 'MISSING', message: `no active webhook points at ${where}; the tool's webhooks: ${seen}` };
  }
  if (ours.some((target) => target.secret === secret)) return { status: 'OK', message: `${ours.length} webhook(s) point at ${where} with the configured secret` };
  if (ours.every((target) => target.secret === undefined)) return { status: 'SECRET_NOT_SHOWN', message: `${ours.length} webhook(s) point at ${where}; the tool's API does not show their secret` };
  return { status: 'WRONG_SECRET', message: `${ours.length} webhook(s) point at ${where}, but none sends the configured WEBHOOK_SECRET_${tool.toUpperCase()}` };
}

async function checkTool(tool: ProbedTool, config: AppConfig, http: ToolHttpClient): Promise<ToolCheck> {
  const probe = probeOf(tool, config, http);
  const secret = config.webhooks.secrets[tool];
  const credentials = typeof probe === 'string' ? { status: 'NOT_CONFIGURED' as const, message: probe } : await credentialsOf(probe);
  const webhook = await (async (): Promise<{ status: WebhookStatus; message: string }> => {
    if (!secret) return { status: 'DISABLED', message: `WEBHOOK_SECRET_${tool.toUpperCase()} is not set: /webhooks/${tool} answers 503` };
    if (typeof probe === 'string' || credentials.status !== 'OK') return { status: 'UNKNOWN', message: 'the API credentials must work to read the webhooks' };
    try {
      const targets = await probe.webhooks();
      return targets === null ? { status: 'NOT_CHECKABLE', message: probe.notCheckable ?? 'the API does not list webhooks' } : judge(targets, tool, secret, config.publicUrl);
    } catch (error) {
      return { status: 'UNKNOWN', message: `listing the webhooks failed: ${why(error)}` };
    }
  })();
  return { tool, credentials: credentials.status, credentialsMessage: credentials.message, webhook: webhook.status, webhookMessage: webhook.message };
}

/** Checks every tool at once, one request or two each, without retries (a check should answer quickly). */
export function checkTools(config: AppConfig): Promise<ToolCheck[]> {
  return Promise.all(probedTools.map((tool) => checkTool(tool, config, new ToolHttpClient({ tool, timeoutMs: config.sync.timeoutMs, maxAttempts: 1 }))));
}
