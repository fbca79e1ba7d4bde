import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';
import { errorCodesOf, graphqlCall } from '../support/graphql-call';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start({ NODE_ENV: 'production', LOG_LEVEL: 'warn', WORKFLOWS_ENABLED: 'false' });
});
afterAll(async () => {
  await api?.stop();
});

describe('GraphQL in production (NODE_ENV=production)', () => {
  it('refuses introspection of the schema and of any type with 400', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Mutation") { fields { name } } }']) {
      const answer = await graphqlCall(api.url, api.adminKey, query);
      expect(answer.status).toBe(400);
      expect(errorCodesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
  });

  it('suggests no field names to a caller guessing them', async () => {
    const answer = await graphqlCall(api.url, api.adminKey, '{ projectionz { name } }');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.errors)).not.toMatch(/Did you mean/);
  });

  it('serves no landing page', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/<html/i);
  });
});
