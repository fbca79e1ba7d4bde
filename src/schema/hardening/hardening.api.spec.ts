import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../../logging/logger';
import { errorCodes, TestApi } from '../../testing/api-harness';
import { sendWholeThenAsk } from '../../testing/raw-http';
import { ProjectionsDocument } from '../__generated__/operations';

const everyField = 'cursor node { id type stream revision position occurredAt recordedAt correlationId data metadata }';

describe('GraphQL hardening', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses a query whose cost exceeds the complexity limit, naming both numbers', async () => {
    const costly = `{ a: events(first: 200) { edges { ${everyField} } } b: events(first: 200) { edges { ${everyField} } } }`;
    const response = await api.graphql(costly);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.body.errors?.[0]?.message).toMatch(/^Query complexity \d+ exceeds the limit of 5000$/);
  });

  it('accepts a full page of 200 events', async () => {
    const response = await api.graphql(`{ events(first: 200) { edges { ${everyField} } } }`);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses batched requests', async () => {
    const response = await api.post([{ query: '{ projections { nodes { name } } }' }, { query: '{ projections { nodes { name } } }' }]);
    expect(response.status).toBe(400);
  });

  it('refuses GET queries without a CSRF preflight header', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ projections { nodes { name } } }')}`, { headers: api.authorization() });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('refuses bodies above 1 MiB with 413', async () => {
    const response = await api.post({ query: `{ projections { nodes { name } } } #${'x'.repeat(1024 * 1024)}` });
    expect(response.status).toBe(413);
  });

  it('answers 413 to a streamed body past 1 MiB while the client is still sending, and keeps the connection', async () => {
    // Given a client streaming 2 MiB without a declared length, on a keep-alive connection
    const auth = Object.entries(api.authorization()).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n${auth}\r\n`;
    const chunk = `${(64 * 1024).toString(16)}\r\n${' '.repeat(64 * 1024)}\r\n`;
    const body = Buffer.from(`${chunk.repeat(32)}0\r\n\r\n`, 'latin1');

    // When it sends all of it, then asks again on the same connection
    const answer = await sendWholeThenAsk(api.url, head, body, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');

    // Then it read the 413 and the next answer, without a reset
    expect(answer).toEqual({ statuses: [413, 200], reset: false });
  });

  it('answers introspection outside production', async () => {
    const response = await api.graphql('{ __schema { queryType { name } } }');
    expect(response.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('reports variables that do not coerce as BAD_USER_INPUT, not as an internal error', async () => {
    const response = await api.graphql('query ($first: Int) { events(first: $first) { nodes { id } } }', { first: 'many' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value: "many"/);
  });

  it('maps a not-found AppError to NOT_FOUND with its stable code', async () => {
    const response = await api.graphql('mutation { revokeApiKey(keyId: "nope") { keyId } }');
    expect(response.body.errors?.[0]).toMatchObject({ message: 'No API key nope', extensions: { code: 'NOT_FOUND', reason: 'api_key.not_found' } });
  });
});

describe('a too-deep query', () => {
  it('is refused before it runs, naming its depth and the limit', async () => {
    const api = await TestApi.start({}, { queryLimits: { maxDepth: 3, maxComplexity: 5_000 } });
    try {
      const response = await api.graphql('{ events { edges { node { id } } } }');
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]).toMatchObject({ message: 'Query depth 4 exceeds the limit of 3', extensions: { code: 'QUERY_TOO_DEEP' } });
    } finally {
      await api.stop();
    }
  });
});

describe('in production', () => {
  it('refuses introspection', async () => {
    const api = await TestApi.start({ NODE_ENV: 'production' });
    try {
      const response = await api.graphql('{ __schema { queryType { name } } }');
      expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(response.body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    } finally {
      await api.stop();
    }
  });
});

describe('an unexpected error', () => {
  it('is masked for the client and logged with its cause and correlation id', async () => {
    const api = await TestApi.start({}, {
      decorate: (services) => ({
        ...services,
        projections: Object.assign(Object.create(services.projections), {
          status: () => {
            throw new TypeError('secret detail of the failure');
          },
        }),
      }),
    });
    const logged = captureLogs('error');
    try {
      const response = await api.graphql(ProjectionsDocument, {}, { headers: { 'x-correlation-id': 'corr-1234' } });

      expect(response.body.errors).toEqual([
        expect.objectContaining({ message: 'Internal error (correlation id corr-1234)', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-1234' } }),
      ]);
      expect(logged.lines).toContainEqual(expect.stringMatching(/corr-1234.*secret detail of the failure/));
    } finally {
      logged.restore();
      await api.stop();
    }
  });
});
