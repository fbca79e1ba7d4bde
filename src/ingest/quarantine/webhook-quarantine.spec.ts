import { describe, expect, it } from 'vitest';
import { openIngestHarness, sampleBody, secretEnv, signedHeaders, testSecrets } from '../ingest.fixtures';

describe('quarantine', () => {
  it('records rejections in full up to the rate, then only counts them and writes one summary per window', async () => {
    const harness = await openIngestHarness({ ...secretEnv(), WEBHOOK_QUARANTINE_PER_MINUTE: '3' });
    try {
      const body = sampleBody('invoiceninja', 'flood');
      const wrongSecret = { ...signedHeaders('invoiceninja', body), 'x-zixly-secret': 'guessing-the-secret-000' };
      const statuses = [];
      for (let i = 0; i < 10; i++) statuses.push((await harness.post('invoiceninja', body, wrongSecret)).status);
      statuses.push((await harness.post('invoiceninja', '{', signedHeaders('invoiceninja', '{'))).status);
      expect(statuses).toEqual([...Array(10).fill(401), 400]);

      const otherTool = sampleBody('plane', 'still-recorded');
      await harness.post('plane', otherTool, { 'x-plane-signature': 'ab' });
      expect((await harness.events('WebhookRejection')).map((event) => event.stream)).toEqual([
        'WebhookRejection-invoiceninja',
        'WebhookRejection-invoiceninja',
        'WebhookRejection-invoiceninja',
        'WebhookRejection-plane',
      ]);

      await harness.flushQuarantine();
      const stored = await harness.events('WebhookRejection');
      expect(stored).toHaveLength(5);
      expect(stored[0]!.data).toMatchObject({ tool: 'invoiceninja', reason: 'bad_signature', method: 'POST', excerpt: body, bodyBytes: body.length });
      expect(stored.at(-1)!.data).toMatchObject({ tool: 'invoiceninja', reason: 'bad_signature', summary: { suppressed: 8, byReason: { bad_signature: 7, malformed: 1 } } });
      expect(JSON.stringify(stored.map((event) => event.data))).not.toContain('guessing-the-secret');
      expect(JSON.stringify(stored.map((event) => event.data))).not.toContain(testSecrets.invoiceninja);
    } finally {
      await harness.close();
    }
  });

  it('keeps at most 4 KB of a rejected body', async () => {
    const harness = await openIngestHarness();
    try {
      const body = JSON.stringify({ event: 'issue', action: 'created', padding: 'x'.repeat(10_000) });
      await harness.post('plane', body, { 'x-plane-signature': '0'.repeat(64) });
      const [rejection] = await harness.events('WebhookRejection');
      expect(rejection!.data).toMatchObject({ reason: 'bad_signature', bodyBytes: body.length, excerpt: body.slice(0, 4096) });
    } finally {
      await harness.close();
    }
  });
});
