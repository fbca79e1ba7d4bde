import { classifyResponse, ToolError } from '../shared/tool-http';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { SlackConfig } from './slack.config';

export interface SlackMessage {
  /** mrkdwn; also the notification text, so it is always sent, blocks or not. */
  readonly text: string;
  readonly blocks?: readonly object[];
}

/**
 * Slack incoming webhook: the URL is the credential (never logged). Only `200 ok` is success;
 * 400 invalid_payload, 403 action_prohibited, 404 no_service / channel_not_found and 410
 * channel_is_archived are final, 429 (with Retry-After) and 5xx may pass later. There is no way to
 * ask Slack whether a message was posted, so posts are at most once (see the step runner). Posts
 * through one client are spaced `minIntervalMs` apart, as Slack asks of each webhook.
 */
export class SlackClient {
  /** When the next post may start; each post takes the next free slot as it is called. */
  private nextSlotAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: SlackConfig,
    private readonly http: ToolHttpClient,
  ) {}

  async post(message: SlackMessage): Promise<void> {
    const now = performance.now();
    const startAt = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = startAt + this.config.minIntervalMs;
    if (startAt > now) await new Promise((resolve) => setTimeout(resolve, startAt - now));
    const response = await this.http.send({ method: 'POST', url: this.config.webhookUrl, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message), redirect: 'manual' });
    if (response.status === 200 && response.text.trim() === 'ok') return;
    if (response.status === 200) {
      const toolMessage = `expected "ok", got "${response.text.slice(0, 80)}"`;
      throw new ToolError({ tool: 'slack', failure: 'unexpected_response', status: 200, toolMessage, retryable: false, ambiguous: true, retryAfterMs: null });
    }
    throw classifyResponse('slack', response);
  }
}
