import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackFake } from './slack.fake';
import { ToolHttpClient } from '../shared/tool-http.client';
import { SlackClient } from './slack.client';

let slack: SlackFake;
let client: SlackClient;

beforeAll(async () => {
  slack = await SlackFake.start();
  client = new SlackClient({ webhookUrl: slack.webhookUrl, minIntervalMs: 0 }, new ToolHttpClient({ tool: 'slack', timeoutMs: 1_000 }));
});
afterAll(() => slack.server.close());

const answering = (status: number, body: string, headers: Record<string, string> = {}) => slack.server.failNext({ kind: 'respond', response: { status, body, headers } });

describe('Slack incoming webhook client', () => {
  it('succeeds on 200 ok', async () => {
    await client.post({ text: 'hello' });
    expect(slack.messages.at(-1)).toEqual({ text: 'hello' });
  });

  it.each([
    [400, 'invalid_payload'],
    [403, 'action_prohibited'],
    [404, 'no_service'],
    [410, 'channel_is_archived'],
  ])('treats %i %s as final, with Slack\'s error string', async (status, error) => {
    answering(status, error);
    await expect(client.post({ text: 'x' })).rejects.toMatchObject({ status, retryable: false, message: `Slack answered ${status}: ${error}` });
  });

  it('treats 429 as retryable after Retry-After and 500 rollup_error as retryable', async () => {
    answering(429, 'rate_limited', { 'retry-after': '30' });
    await expect(client.post({ text: 'x' })).rejects.toMatchObject({ retryable: true, ambiguous: false, retryAfterMs: 30_000 });
    answering(500, 'rollup_error');
    await expect(client.post({ text: 'x' })).rejects.toMatchObject({ retryable: true, ambiguous: false, toolMessage: 'rollup_error' });
  });

  it('does not take a 200 without "ok" for a success', async () => {
    answering(200, 'maybe');
    await expect(client.post({ text: 'x' })).rejects.toMatchObject({ failure: 'unexpected_response', retryable: false });
  });

  it('reports a webhook URL that answers nothing as a timeout that may hide a post', async () => {
    slack.server.failNext({ kind: 'act-then-hang' });
    const impatient = new SlackClient({ webhookUrl: slack.webhookUrl, minIntervalMs: 0 }, new ToolHttpClient({ tool: 'slack', timeoutMs: 100 }));
    await expect(impatient.post({ text: 'late' })).rejects.toMatchObject({ failure: 'timeout', retryable: true, ambiguous: true });
  });

  it('spaces posts through one webhook at least minIntervalMs apart, in the order they were made', async () => {
    // Given a client allowed one post every 150 ms
    const spaced = new SlackClient({ webhookUrl: slack.webhookUrl, minIntervalMs: 150 }, new ToolHttpClient({ tool: 'slack', timeoutMs: 1_000 }));
    const before = slack.messages.length;
    const startedAt = performance.now();

    // When three posts are made at once
    await Promise.all(['first', 'second', 'third'].map((text) => spaced.post({ text })));

    // Then they reach Slack in order, the last no sooner than two intervals after the first
    expect(slack.messages.slice(before)).toEqual([{ text: 'first' }, { text: 'second' }, { text: 'third' }]);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(280);
  });
});
