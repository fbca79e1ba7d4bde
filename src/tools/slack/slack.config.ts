import { wholeNumber, type ConfigValue } from '../../config-values';
import { readToolVariables, withExtra, type Configured } from '../shared/tool-config';

export interface SlackConfig {
  readonly webhookUrl: string;
  /** `SLACK_MIN_INTERVAL_MS` (default 1,000): Slack accepts about one message a second per webhook. */
  readonly minIntervalMs: number;
}

/** `SLACK_WEBHOOK_URL` (a secret: never shown) and `SLACK_MIN_INTERVAL_MS`. */
export function readSlackConfig(value: ConfigValue, problems: string[]): Configured<SlackConfig> {
  const webhook = readToolVariables(value, problems, { webhookUrl: 'SLACK_WEBHOOK_URL' }, { url: 'webhookUrl', hiddenUrl: true });
  return withExtra(webhook, () => ({ minIntervalMs: wholeNumber(value, 'SLACK_MIN_INTERVAL_MS', 1_000, 0, 60_000, problems) }));
}
