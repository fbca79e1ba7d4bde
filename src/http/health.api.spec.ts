import { afterEach, describe, expect, it } from 'vitest';
import { apiProjections } from '../projections';
import { TestApi } from '../testing/api-harness';

const readyz = async (api: TestApi) => {
  const response = await fetch(`${api.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; projections: Record<string, { ready: boolean; reason?: string }> } };
};

describe('health probes', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });

  it('answers /healthz while the process runs, and /readyz once both stores answer and projections have caught up', async () => {
    api = await TestApi.start({ PROJECTION_LAG_THRESHOLD: '2' });

    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const { status, body } = await readyz(api);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', readStore: { reachable: true }, eventStore: { adapter: expect.stringMatching(/^sqlite:/) } });
    expect(Object.keys(body.projections).sort()).toEqual(apiProjections.map((projection) => projection.name).sort());
  });

  it('answers HEAD on both probes with their status and no body', async () => {
    api = await TestApi.start({ PROJECTION_LAG_THRESHOLD: '2' });

    const answers = [];
    for (const probe of ['/healthz', '/readyz']) {
      const response = await fetch(`${api.url}${probe}`, { method: 'HEAD' });
      answers.push({ probe, status: response.status, body: await response.text() });
    }

    expect(answers).toEqual([
      { probe: '/healthz', status: 200, body: '' },
      { probe: '/readyz', status: 200, body: '' },
    ]);
  });

  it('answers /readyz with 503 and the reason per projection when projections fall behind beyond the threshold', async () => {
    api = await TestApi.start({ PROJECTION_LAG_THRESHOLD: '2' });
    const type = apiProjections[0]!.handles[0]!;
    const behind = apiProjections.filter((projection) => projection.handles.includes(type)).map((projection) => projection.name);

    await api.app.services.projections.stop();
    await api.given('Lagging-1', [{ type }, { type }, { type }]);
    const { status, body } = await readyz(api);

    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    const notReady = Object.entries(body.projections).filter(([, projection]) => !projection.ready);
    expect(notReady.map(([name]) => name).sort()).toEqual(behind.sort());
    expect(notReady.map(([, projection]) => projection.reason)).toEqual(behind.map(() => '3 events behind the log (threshold 2)'));
  });
});
