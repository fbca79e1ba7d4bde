import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretEnv } from '../../testing/ingest/ingest.fixtures';
import { TestApi } from '../../testing/api-harness';
import { deliver, toolFixture } from '../../testing/tool-webhooks';

const ticketsQuery = '{ tickets(first: 10) { nodes { id: ticketId clientId status } } }';

/**
 * Chatwoot releases before `account` was added to conversation webhooks send the bare push data:
 * the account id is only on the conversation's last message. Delivered through the real route with
 * Chatwoot's signature (`sha256=` HMAC of `timestamp.body`).
 */
describe('Chatwoot conversations from releases without `account`', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(secretEnv());
    const onboard = `mutation { onboardClient(input: { clientId: "globex", name: "Globex", tier: STARTER, industry: "retail" }) { status } }`;
    const link = `mutation { linkClientIdentity(input: { clientId: "globex", tool: CHATWOOT, externalId: "42" }, waitForProjections: true) { status } }`;
    expect((await api.graphql<any, object>(onboard)).body.errors).toBeUndefined();
    expect((await api.graphql<any, object>(link)).body.errors).toBeUndefined();
  });
  afterAll(() => api?.stop());

  it('opens the ticket from conversation_created, with the account from its message', async () => {
    expect(await deliver(api, 'chatwoot', toolFixture('chatwoot', 'conversation_created.without_account'))).toEqual({ status: 'processed', ignoreReason: null });
    expect((await api.graphql<any, object>(ticketsQuery)).body.data.tickets.nodes).toEqual([{ id: 'chatwoot:1:207', clientId: 'globex', status: 'OPEN' }]);
  });

  it('resolves it from conversation_status_changed', async () => {
    expect(await deliver(api, 'chatwoot', toolFixture('chatwoot', 'conversation_status_changed.without_account'))).toMatchObject({ status: 'processed' });
    expect((await api.graphql<any, object>(ticketsQuery)).body.data.tickets.nodes).toEqual([{ id: 'chatwoot:1:207', clientId: 'globex', status: 'RESOLVED' }]);
  });
});
