import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretEnv } from '../../../ingest/ingest.fixtures';
import { TestApi } from '../../../testing/api-harness';
import type { Probe, ProbeTarget } from '../probe';
import { probes as domainInputProbes } from './domain-input.probes';
import { probes as webhookProbes } from './webhooks.probes';

/** The webhook and domain-input probes against the composed app, as the scenario's runner sends them. */
describe('hostile at scale: webhook and domain-input probes', () => {
  let api: TestApi;
  let target: ProbeTarget;
  beforeAll(async () => {
    const env = { ...secretEnv(), WEBHOOK_REJECTS_MAX_COUNT: '150' };
    api = await TestApi.start(env);
    const [viewer, editor] = [await api.keyWithRole('VIEWER'), await api.keyWithRole('EDITOR')];
    target = { url: api.url, dataDir: api.dataDir, keys: { VIEWER: viewer.secret, EDITOR: editor.secret, ADMIN: api.adminKey }, env };
  }, 60_000);
  afterAll(() => api.stop());

  const all: readonly Probe[] = [...webhookProbes, ...domainInputProbes];

  it('has at least 20 probes across the two classes', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((probe) => probe.class))).toEqual(new Set(['webhooks', 'domain-input']));
  });

  it.each(all.map((probe) => [probe.class, probe.name, probe] as const))('%s: %s is refused or served within bounds, never failed or leaked', async (_class, _name, probe) => {
    const outcome = await probe.run(target);

    expect(outcome.kind === 'refused' || outcome.kind === 'served', outcome.detail).toBe(true);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });
});
