import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';

describe('a rate limit per API key', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ API_RATE_LIMIT_BURST: '3', API_RATE_LIMIT_PER_MINUTE: '1' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers 429 RATE_LIMITED with Retry-After once a key spent its burst, while another key is still served', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const other = await api.keyWithRole('VIEWER');
    const send = (key: string) => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: '{"query":"{ __typename }"}' });

    const statuses = [];
    for (let request = 0; request < 4; request++) statuses.push((await send(secret)).status);
    const limited = await send(secret);
    const otherKey = await send(other.secret);

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(otherKey.status).toBe(200);
  });

  it('limits the export with the same bucket', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const statuses = [];
    for (let request = 0; request < 4; request++) {
      const response = await fetch(`${api.url}/export/events.ndjson?types=NoteTaken`, { headers: { authorization: `Bearer ${secret}` } });
      await response.text();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
