import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { ChatwootFake, chatwootConversation } from './chatwoot.fake';
import { SyncHarness } from '../../testing/sync/sync-harness';
import { ChatwootClient } from './chatwoot.client';
import { ChatwootSyncSource } from './chatwoot.sync-source';

const globex = IdentitySnapshot.of({ 'chatwoot:42': 'client-globex' });

describe('chatwoot sync', () => {
  let fake: ChatwootFake;
  let harness: SyncHarness;

  beforeEach(async () => {
    fake = await ChatwootFake.start();
    harness = await SyncHarness.open();
  });
  afterEach(async () => {
    await fake.server.close();
    await harness.close();
  });

  function job(token = 'cw-token') {
    const { http } = harness.http('chatwoot');
    return harness.job(new ChatwootSyncSource(new ChatwootClient({ apiUrl: fake.url, apiToken: token, accountId: '1' }, http)), globex);
  }

  it('opens, answers and resolves tickets from conversation snapshots across pages', async () => {
    for (let id = 1; id <= 30; id++) fake.conversations.push(chatwootConversation(id, 1_779_877_000 + id, { status: id % 2 === 0 ? 'resolved' : 'open' }));

    expect(await job().run()).toMatchObject({ outcome: 'succeeded', records: 30, cursor: '1779877030' });
    expect(await harness.events('TicketOpened')).toHaveLength(30);
    expect(await harness.events('TicketResolved')).toHaveLength(15);
    expect(await harness.events('FirstResponseRecorded')).toHaveLength(30);
    expect(fake.server.requests.map((request) => request.query.get('page'))).toEqual(['1', '2']);
  });

  it('stops at the first conversation older than the cursor, and reopens a resolved ticket seen open again', async () => {
    fake.conversations.push(chatwootConversation(207, 1_779_877_000, { status: 'resolved' }));
    await job().run();
    fake.conversations.splice(0, 1, chatwootConversation(207, 1_779_990_000, { status: 'open', updated_at: 1_779_990_000 }));
    fake.conversations.push(chatwootConversation(100, 1_779_000_000, { status: 'open' }));

    expect(await job().run()).toMatchObject({ outcome: 'succeeded', records: 1, cursor: '1779990000' });
    expect((await harness.events('TicketOpened', 'TicketResolved', 'TicketReopened')).map((event) => event.type)).toEqual(['TicketOpened', 'TicketResolved', 'TicketReopened']);
  });

  it("records a failed run with Chatwoot's message when the token is refused", async () => {
    expect(await job('wrong').run()).toMatchObject({ outcome: 'failed', error: 'chatwoot answered 401: Invalid Access Token' });
  });
});
