import { describe, expect, it } from 'vitest';
import { openIngestHarness, sampleBody, secretEnv, signedHeaders, testSecrets } from '../../testing/ingest/ingest.fixtures';

describe('quarantine', () => {
  it('keeps unauthenticated rejects out of the log (only counted there), and records authenticated ones up to the rate', async () => {
    // Given a quarantine recording 3 a minute
    const harness = await openIngestHarness({ ...secretEnv(), WEBHOOK_QUARANTINE_PER_MINUTE: '3' });
    try {
      // When ten requests guess Invoice Ninja's secret, a signed one is malformed, and Plane gets a forged signature
      const body = sampleBody('invoiceninja', 'flood');
      const wrongSecret = { ...signedHeaders('invoiceninja', body), 'x-zixly-secret': 'guessing-the-secret-000' };
      const statuses = [];
      for (let i = 0; i < 10; i++) statuses.push((await harness.post('invoiceninja', body, wrongSecret)).status);
      statuses.push((await harness.post('invoiceninja', '{', signedHeaders('invoiceninja', '{'))).status);
      await harness.post('plane', sampleBody('plane', 'forged'), { 'x-plane-signature': 'ab' });

      // Then only the authenticated (malformed) one is in the log; the eleven others are kept apart, in full
      expect(statuses).toEqual([...Array(10).fill(401), 400]);
      expect((await harness.events('WebhookRejection')).map((event) => [event.stream, (event.data as { reason: string }).reason])).toEqual([['WebhookRejection-invoiceninja', 'malformed']]);
      const kept = await harness.rejects();
      expect(kept).toHaveLength(11);
      expect(kept.find((reject) => reject.tool === 'invoiceninja')).toMatchObject({ reason: 'bad_signature', method: 'POST', excerpt: body, bodyBytes: body.length });

      // And once the window closes, one summary per tool counts them in the log, without content or secrets
      await harness.flushQuarantine();
      const summaries = (await harness.events('WebhookRejection')).filter((event) => (event.data as { summary?: unknown }).summary);
      expect(summaries.map((event) => (event.data as { tool: string; summary: { suppressed: number } }).tool + ':' + (event.data as { summary: { suppressed: number } }).summary.suppressed).sort()).toEqual(['invoiceninja:10', 'plane:1']);
      const everything = JSON.stringify([...(await harness.events('WebhookRejection')).map((event) => event.data), ...kept]);
      expect(everything).not.toContain('guessing-the-secret');
      expect(everything).not.toContain(testSecrets.invoiceninja);
    } finally {
      await harness.close();
    }
  });

  it('keeps at most 4 KB of a rejected body', async () => {
    const harness = await openIngestHarness();
    try {
      const body = JSON.stringify({ event: 'issue', action: 'created', padding: 'x'.repeat(10_000) });
      await harness.post('plane', body, { 'x-plane-signature': '0'.repeat(64) });
      const [reject] = await harness.rejects();
      expect(reject).toMatchObject({ reason: 'bad_signature', bodyBytes: body.length, excerpt: body.slice(0, 4096) });
    } finally {
      await harness.close();
    }
  });

  it('keeps no more unauthenticated rejects than WEBHOOK_REJECTS_MAX_COUNT, however many arrive (the newest stay)', async () => {
    const harness = await openIngestHarness({ ...secretEnv(), WEBHOOK_REJECTS_MAX_COUNT: '5' });
    try {
      for (let i = 0; i < 40; i++) await harness.post('plane', sampleBody('plane', `junk-${i}`), { 'x-plane-signature': 'ab' });
      const kept = await harness.rejects();
      expect(kept).toHaveLength(5);
      expect(kept.map((reject) => reject.excerpt).every((excerpt) => /junk-3[5-9]/.test(excerpt))).toBe(true);
    } finally {
      await harness.close();
    }
  });
});
