import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MauticFake, mauticContact } from './mautic.fake';
import { SyncHarness } from '../../testing/sync/sync-harness';
import { MauticClient } from './mautic.client';
import { MauticSyncSource } from './mautic.sync-source';

describe('mautic sync', () => {
  let fake: MauticFake;
  let harness: SyncHarness;

  beforeEach(async () => {
    fake = await MauticFake.start({ username: 'sync', password: 'pa55' });
    harness = await SyncHarness.open();
  });
  afterEach(async () => {
    await fake.server.close();
    await harness.close();
  });

  function job(password = 'pa55') {
    const { http } = harness.http('mautic');
    return harness.job(new MauticSyncSource(new MauticClient({ apiUrl: `${fake.url}/api`, username: 'sync', password }, http)));
  }

  it('captures identified contacts modified since the cursor, in modification order, and skips anonymous visitors', async () => {
    fake.contacts.push(mauticContact(1187, '2026-05-27T10:00:03+00:00'));
    fake.contacts.push(mauticContact(12, '2026-05-28T09:00:00+00:00', { dateIdentified: null }));
    fake.contacts.push(mauticContact(1200, '2026-05-26T08:00:00+00:00', { dateIdentified: '2026-05-26T08:00:00+00:00' }));

    expect(await job().run()).toMatchObject({ outcome: 'succeeded', records: 3, cursor: '2026-05-28T09:00:00.000Z' });
    const captured = await harness.events('LeadCaptured');
    expect(captured.map((event) => [(event.data as { leadId: string }).leadId, event.metadata.occurredAt])).toEqual([
      ['mautic:1200', '2026-05-26T08:00:00.000Z'],
      ['mautic:1187', '2026-05-27T10:00:03.000Z'],
    ]);
  });

  it('asks only for contacts modified since the last run, in UTC', async () => {
    fake.contacts.push(mauticContact(1187, '2026-05-27T10:00:03+00:00'));
    await job().run();
    fake.contacts.push(mauticContact(1300, '2026-06-01T07:00:00+00:00', { dateIdentified: '2026-06-01T07:00:00+00:00' }));

    expect(await job().run()).toMatchObject({ outcome: 'succeeded', records: 2 });
    expect(fake.server.requests.map((request) => request.query.get('where[0][val]'))).toEqual([null, '2026-05-27 10:00:03']);
    expect(await harness.events('LeadCaptured')).toHaveLength(2);
  });

  it("records a failed run with Mautic's message when the credentials are refused", async () => {
    expect(await job('wrong').run()).toMatchObject({ outcome: 'failed', error: 'mautic answered 401: API authorization denied.' });
  });
});
