import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { errorCodes, TestApi } from '../../testing/api-harness';
import { ApiKeysDocument, CreateApiKeyDocument, ProjectionsDocument, RebuildProjectionDocument, RevokeApiKeyDocument } from '../__generated__/operations';

describe('API keys and roles on /graphql', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers 401 with a clear JSON message when no key is sent', async () => {
    const response = await api.graphql(ProjectionsDocument, {}, { key: null });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]).toMatchObject({ message: 'Missing API key: send Authorization: Bearer <key>', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('answers 401 for a key it does not know', async () => {
    const response = await api.graphql(ProjectionsDocument, {}, { key: 'zx_not-a-real-key' });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.message).toBe('Invalid API key');
  });

  it('refuses a revoked key from the next request on', async () => {
    const viewer = await api.keyWithRole('VIEWER');
    expect((await api.graphql(ProjectionsDocument, {}, { key: viewer.secret })).status).toBe(200);

    const revoked = await api.graphql(RevokeApiKeyDocument, { keyId: viewer.keyId });
    expect(revoked.body.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));

    const response = await api.graphql(ProjectionsDocument, {}, { key: viewer.secret });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.message).toBe('API key "viewer key" was revoked');
  });

  it('lets a VIEWER read but not run mutations', async () => {
    const viewer = await api.keyWithRole('VIEWER');
    expect((await api.graphql(ProjectionsDocument, {}, { key: viewer.secret })).body.data?.projections.nodes.length).toBeGreaterThan(0);

    const response = await api.graphql(RebuildProjectionDocument, { name: 'invoices' }, { key: viewer.secret });
    expect(response.status).toBe(403);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.errors?.[0]?.message).toMatch(/needs the EDITOR role; key "viewer key" has VIEWER/);
  });

  it('keeps key management and rebuilds to ADMIN, refusing an EDITOR with FORBIDDEN', async () => {
    const editor = await api.keyWithRole('EDITOR');
    const attempts = [
      await api.graphql(CreateApiKeyDocument, { name: 'sneaky', role: 'ADMIN' }, { key: editor.secret }),
      await api.graphql(RebuildProjectionDocument, { name: 'invoices' }, { key: editor.secret }),
      await api.graphql(ApiKeysDocument, {}, { key: editor.secret }),
    ];
    expect(attempts.map(errorCodes)).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
    expect(attempts[0]!.body.errors?.[0]?.message).toBe('Mutation.createApiKey needs the ADMIN role; key "editor key" has EDITOR');
  });

  it('shows a new secret once and stores only its hash', async () => {
    const created = await api.graphql(CreateApiKeyDocument, { name: 'dashboards', role: 'VIEWER' });
    const { keyId, secret } = created.body.data!.createApiKey;
    expect(secret).toMatch(/^zx_[A-Za-z0-9_-]{43}$/);

    const listed = await api.graphql(ApiKeysDocument, {});
    expect(listed.body.data?.apiKeys.nodes).toContainEqual(expect.objectContaining({ keyId, name: 'dashboards', role: 'VIEWER', revokedAt: null }));
    const stored = await collect(api.app.services.eventStore.readStream(`ApiKey-${keyId}`));
    expect(stored.map((event) => event.type)).toEqual(['ApiKeyCreated']);
    expect(JSON.stringify(stored.map((event) => [event.data, event.metadata]))).not.toContain(secret);
  });
});

describe('the bootstrap admin key (ZIXLY_ADMIN_KEY)', () => {
  it('registers the same key once across restarts of a fresh store', async () => {
    const first = await TestApi.start();
    const keys = await first.graphql(ApiKeysDocument, {});
    const bootstrap = keys.body.data?.apiKeys.nodes.filter((key) => key.name === 'bootstrap admin');
    expect(bootstrap).toHaveLength(1);
    const config = first.app.services.config;
    await first.app.stop();

    const { startApp } = await import('../../app');
    const again = await startApp(config);
    try {
      const events = await collect(again.services.eventStore.readAll({ categories: ['ApiKey'] }));
      expect(events.map((event) => event.stream)).toEqual([`ApiKey-${bootstrap![0]!.keyId}`]);
      expect(again.platform.apiKeys.authenticate(first.adminKey)).toMatchObject({ keyId: bootstrap![0]!.keyId, role: 'ADMIN' });
    } finally {
      await again.stop();
    }
  });
});
