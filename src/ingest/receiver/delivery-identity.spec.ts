import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestHarness, openIngestHarness, sampleBody, signedHeaders } from '../../testing/ingest/ingest.fixtures';

let harness: IngestHarness;
beforeAll(async () => {
  harness = await openIngestHarness();
});
afterAll(() => harness.close());

const planeV2 = (eventId: string, name: string) => JSON.stringify({ version: 'v2', event_id: eventId, event: 'workitem.updated', data: { id: 'wi-1', name } });

describe('delivery identity', () => {
  it('stores a captured Chatwoot request re-sent with new (unsigned) delivery ids once', async () => {
    // Given one signed Chatwoot request
    const body = sampleBody('chatwoot', 'replayed-conversation');
    const headers = signedHeaders('chatwoot', body, { chatwootDelivery: 'original-id' });
    const before = (await harness.events('WebhookDelivery')).length;

    // When it is replayed five times, each time with another X-Chatwoot-Delivery
    const answers = [];
    for (let copy = 0; copy < 5; copy++) answers.push((await harness.post('chatwoot', body, { ...headers, 'x-chatwoot-delivery': `forged-${copy}` })).json.status);

    // Then the first is accepted, the replays are duplicates and one delivery is stored
    expect(answers).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect((await harness.events('WebhookDelivery')).length - before).toBe(1);
  });

  it('records the same delivery id with another body as a conflict, once per body, and never stores it as the delivery', async () => {
    // Given a Plane delivery stored under its event_id
    const first = planeV2('evt-conflict-1', 'Original');
    expect((await harness.post('plane', first, signedHeaders('plane', first))).json.status).toBe('accepted');

    // When the same event_id arrives with another body, twice, and with the same body again
    const other = planeV2('evt-conflict-1', 'Changed');
    const conflicting = await harness.post('plane', other, signedHeaders('plane', other));
    await harness.post('plane', other, signedHeaders('plane', other));
    const same = await harness.post('plane', first, signedHeaders('plane', first));

    // Then the sender hears "duplicate" with the conflict flagged, one conflict event keeps the other body, the delivery keeps the first
    expect(conflicting.json).toMatchObject({ status: 'duplicate', deliveries: [{ duplicate: true, conflict: true }] });
    expect(same.json.deliveries[0].conflict).toBeUndefined();
    const conflicts = await harness.events('WebhookConflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.data).toMatchObject({ tool: 'plane', dedupeKey: 'v2:evt-conflict-1', payload: { data: { name: 'Changed' } } });
    const delivery = (await harness.events('WebhookDelivery')).find((event) => (event.data as { dedupeKey?: string }).dedupeKey === 'v2:evt-conflict-1');
    expect(delivery!.data).toMatchObject({ payload: { data: { name: 'Original' } } });
  });
});
