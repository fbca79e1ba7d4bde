import { headerSecretTools } from '../tools';
import { webhookTools, type WebhookTool } from './delivery';
import { type ConfigValue, wholeNumber } from '../config-values';
import { defaultRejectRetention, type RejectRetention } from './quarantine/reject-store';

export { headerSecretTools } from '../tools';

export const defaultSecretHeader = 'X-Zixly-Secret';

export interface WebhookConfig {
  /** `WEBHOOK_SECRET_<TOOL>`; a tool without one is disabled (its endpoint refuses everything). */
  readonly secrets: Readonly<Record<WebhookTool, string | null>>;
  /**
   * `WEBHOOK_SECRET_HEADER_<TOOL>`: the header carrying the shared secret, lower-cased, for the tools
   * that send a secret header instead of signing (`secretIn: 'header'` in their declaration).
   */
  readonly secretHeaders: Readonly<Partial<Record<WebhookTool, string>>>;
  /** `WEBHOOK_MAX_ATTEMPTS`: processing attempts of a delivery before it is parked. */
  readonly maxAttempts: number;
  /** `WEBHOOK_RETRY_BASE_MS`: first retry delay; doubled per attempt (jittered, capped at an hour). */
  readonly retryBaseMs: number;
  /** `WEBHOOK_QUARANTINE_PER_MINUTE`: rejections recorded in full per tool and minute; beyond, only counted. */
  readonly quarantinePerMinute: number;
  /**
   * `WEBHOOK_WORKER_CONCURRENCY`: deliveries processed at once. Each waits for a few durable appends,
   * so throughput follows how many are in flight; their order never matters (translation is
   * order-independent, commands on one aggregate are queued).
   */
  readonly workerConcurrency: number;
  /** `WEBHOOK_REJECTS_MAX_COUNT`, `…_MAX_BYTES`, `…_MAX_AGE_HOURS`: what is kept of unauthenticated rejects. */
  readonly rejectRetention: RejectRetention;
}

const minSecretLength = 16;
const headerName = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;


/** Reads the webhook settings, adding one line per problem to `problems` (see `loadConfig`). */
export function readWebhookConfig(value: ConfigValue, problems: string[]): WebhookConfig {
  const secrets = Object.fromEntries(webhookTools.map((tool) => [tool, secretOf(tool, value, problems)])) as Record<WebhookTool, string | null>;
  const secretHeaders: Partial<Record<WebhookTool, string>> = Object.fromEntries(headerSecretTools.map((tool) => [tool, secretHeaderOf(tool, value, problems)]));
  return {
    secrets,
    secretHeaders,
    maxAttempts: wholeNumber(value, 'WEBHOOK_MAX_ATTEMPTS', 10, 1, 100, problems),
    retryBaseMs: wholeNumber(value, 'WEBHOOK_RETRY_BASE_MS', 5_000, 1, 3_600_000, problems),
    quarantinePerMinute: wholeNumber(value, 'WEBHOOK_QUARANTINE_PER_MINUTE', 60, 1, 100_000, problems),
    workerConcurrency: wholeNumber(value, 'WEBHOOK_WORKER_CONCURRENCY', 128, 1, 1_000, problems),
    rejectRetention: {
      maxCount: wholeNumber(value, 'WEBHOOK_REJECTS_MAX_COUNT', defaultRejectRetention.maxCount, 1, 100_000, problems),
      maxBytes: wholeNumber(value, 'WEBHOOK_REJECTS_MAX_BYTES', defaultRejectRetention.maxBytes, 4_096, 1_073_741_824, problems),
      maxAgeMs: wholeNumber(value, 'WEBHOOK_REJECTS_MAX_AGE_HOURS', defaultRejectRetention.maxAgeMs / 3_600_000, 1, 8_760, problems) * 3_600_000,
    },
  };
}

export const secretVariable = (tool: WebhookTool) => `WEBHOOK_SECRET_${tool.toUpperCase()}`;

function secretOf(tool: WebhookTool, value: ConfigValue, problems: string[]): string | null {
  const name = secretVariable(tool);
  const secret = value(name) ?? null;
  if (secret !== null && secret.length < minSecretLength) {
    problems.push(`${name} must be at least ${minSecretLength} characters (the secret configured in ${tool}); leave it unset to disable ${tool} webhooks`);
  }
  return secret;
}

function secretHeaderOf(tool: WebhookTool, value: ConfigValue, problems: string[]): string {
  const name = `WEBHOOK_SECRET_HEADER_${tool.toUpperCase()}`;
  const header = value(name) ?? defaultSecretHeader;
  if (!headerName.test(header)) problems.push(`${name} must be an HTTP header name such as ${defaultSecretHeader}, got "${header}"`);
  return header.toLowerCase();
}

