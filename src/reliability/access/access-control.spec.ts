import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookTools } from '../../ingest/delivery';
import { sampleBody, secretEnv } from '../../testing/ingest/ingest.fixtures';
import { buildAppSchema } from '../../schema/build-schema';
import { TestApi } from '../../testing/api-harness';
import { errorCodesOf, graphqlCall, graphqlData } from '../support/graphql-call';
import { reportRow } from '../support/reliability-row';
import { type RootOperation, rootOperations } from './schema-operations';

let api: TestApi;
let operations: RootOperation[];
const keys: Record<'viewer' | 'editor' | 'revoked', string> = { viewer: '', editor: '', revoked: '' };
const tally = { attempts: 0, executed: 0 };

async function keyWithRole(role: string): Promise<{ keyId: string; secret: string }> {
  const data = await graphqlData(api.url, api.adminKey, 'mutation ($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { keyId secret } }', { name: `${role} key`, role });
  return data.createApiKey;
}

beforeAll(async () => {
  api = await TestApi.start(secretEnv());
  operations = rootOperations(await buildAppSchema());
  keys.viewer = (await keyWithRole('VIEWER')).secret;
  keys.editor = (await keyWithRole('EDITOR')).secret;
  const revoked = await keyWithRole('ADMIN');
  await graphqlData(api.url, api.adminKey, 'mutation ($keyId: ID!) { revokeApiKey(keyId: $keyId) { keyId } }', { keyId: revoked.keyId });
  keys.revoked = revoked.secret;
});
afterAll(async () => {
  await api?.stop();
});

/** Calls an operation with a key (null: none); counts whether it ran. */
async function attempt(operation: RootOperation, key: string | null) {
  tally.attempts++;
  const answer = await graphqlCall(api.url, key, operation.document, operation.variables);
  const refused = answer.status === 401 || errorCodesOf(answer).some((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED');
  if (!refused) tally.executed++;
  return { status: answer.status, codes: errorCodesOf(answer) };
}

const headBefore: { position: bigint | null } = { position: null };

describe('access to every query and mutation', () => {
  it('knows every root field and what role it needs', async () => {
    headBefore.position = await api.app.services.eventStore.headPosition();
    expect(operations.filter((operation) => operation.kind === 'mutation').length).toBeGreaterThan(40);
    expect(operations.filter((operation) => operation.role === 'ADMIN').map((operation) => operation.name)).toEqual(expect.arrayContaining(['createApiKey', 'revokeApiKey', 'rebuildProjection']));
  });

  it('answers 401 to every query and mutation without a key and with a revoked key', async () => {
    const answers = [];
    for (const operation of operations) for (const key of [null, keys.revoked]) answers.push({ name: operation.name, key: key === null ? 'none' : 'revoked', ...(await attempt(operation, key)) });
    expect(answers.filter((answer) => answer.status !== 401)).toEqual([]);
  });

  it('refuses every mutation to a VIEWER with FORBIDDEN', async () => {
    const answers = [];
    for (const operation of operations.filter((candidate) => candidate.kind === 'mutation')) answers.push({ name: operation.name, ...(await attempt(operation, keys.viewer)) });
    expect(answers.filter((answer) => answer.codes.join() !== 'FORBIDDEN')).toEqual([]);
  });

  it('refuses every ADMIN query and mutation to an EDITOR with FORBIDDEN', async () => {
    const answers = [];
    for (const operation of operations.filter((candidate) => candidate.role === 'ADMIN')) answers.push({ name: operation.name, ...(await attempt(operation, keys.editor)) });
    expect(answers.filter((answer) => !answer.codes.includes('FORBIDDEN'))).toEqual([]);
  });

  it('refuses an unsigned request on every webhook route of every tool with 401', async () => {
    const routes = webhookTools.flatMap((tool) => (tool === 'invoiceninja' ? [`/webhooks/${tool}`, `/webhooks/${tool}/create_payment`] : [`/webhooks/${tool}`]).map((path) => ({ tool, path })));
    const methods = (tool: string) => (tool === 'invoiceninja' || tool === 'nextcloud' ? ['POST', 'PUT'] : ['POST']);
    const answers = [];
    for (const { tool, path } of routes) {
      for (const method of methods(tool)) {
        tally.attempts++;
        const response = await fetch(`${api.url}${path}`, { method, body: sampleBody(tool, 'unsigned'), headers: { 'content-type': 'application/json', 'x-in-event': 'create_payment' } });
        if (response.status < 400) tally.executed++;
        answers.push({ path, method, status: response.status });
      }
    }
    expect(answers.filter((answer) => answer.status !== 401)).toEqual([]);
  });

  it('changed nothing: the log holds no event from any refused request', async ({ task }) => {
    const events = [];
    for await (const event of api.app.services.eventStore.readAll(headBefore.position === null ? {} : { after: headBefore.position })) events.push(event);
    const written = events.filter((event) => !event.stream.startsWith('WebhookRejection-'));
    reportRow(task, { scenario: '6. access: no key, revoked, role too low', scale: `${operations.length} root fields`, requestsSent: tally.attempts, acknowledged: tally.executed, lost: 0, duplicated: 0, diverging: written.length });
    expect(tally.executed).toBe(0);
    expect(written.map((event) => `${event.stream} ${event.type}`)).toEqual([]);
  });
});
