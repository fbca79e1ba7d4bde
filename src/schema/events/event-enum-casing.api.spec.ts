import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';
import { EventDocument, NodeDocument, StreamDocument } from '../__generated__/operations';

describe('one enum casing: event data over GraphQL, the stored form in the export', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    const launched = await api.graphql('mutation { launchCampaign(input: { campaignId: "cmp-1", name: "Search ads", channel: PAID_SEARCH }) { status } }');
    expect(launched.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('shows an enum value in event data as the GraphQL enum names it, through every door of the log', async () => {
    const { body } = await api.graphql(StreamDocument, { name: 'Campaign-cmp-1' });
    const [event] = body.data!.stream.nodes;
    expect(event!.data).toMatchObject({ channel: 'PAID_SEARCH' });
    const campaign = await api.graphql<{ campaign: { channel: string } }, object>('{ campaign(id: "cmp-1") { channel } }');
    expect(campaign.body.data!.campaign.channel).toBe('PAID_SEARCH');

    expect((await api.graphql(EventDocument, { id: event!.eventId })).body.data!.event!.data).toMatchObject({ channel: 'PAID_SEARCH' });
    const node = (await api.graphql(NodeDocument, { id: event!.id })).body.data!.node;
    expect(node).toMatchObject({ __typename: 'Event', eventId: event!.eventId, data: { channel: 'PAID_SEARCH' } });
  });

  it('keeps the stored bytes in the store and the NDJSON export, so an import reads them back unchanged', async () => {
    const stored = [];
    for await (const event of api.app.services.eventStore.readStream('Campaign-cmp-1')) stored.push(event);
    expect(stored.map((event) => event.data)).toEqual([expect.objectContaining({ channel: 'paid_search' })]);

    const response = await fetch(`${api.url}/export/events.ndjson?streams=Campaign-cmp-1`, { headers: api.authorization() });
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { id: string; data: object });
    expect(lines).toEqual([expect.objectContaining({ data: expect.objectContaining({ channel: 'paid_search' }) })]);
    expect(lines[0]!.id).toBe(stored[0]!.id);
  });
});
