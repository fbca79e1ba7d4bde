import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, TestApi } from '../../testing/api-harness';
import { EventDocument, EventsDocument, type EventsQueryVariables, StreamDocument } from '../__generated__/operations';

describe('reading the event log over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    await api.given('Audit-1', [
      { type: 'NoteTaken', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'corr-a' },
      { type: 'NoteAmended', occurredAt: '2026-01-06T10:00:00.000Z', correlationId: 'corr-a' },
    ]);
    await api.given('Audit-2', [{ type: 'NoteTaken', occurredAt: '2026-02-10T10:00:00.000Z' }]);
    await api.given('Memo-1', [{ type: 'NoteTaken', occurredAt: '2026-02-11T10:00:00.000Z' }]);
    await api.given('Audit-3', [
      { type: 'NoteTaken', occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'corr-b' },
      { type: 'NoteTaken', occurredAt: '2026-03-02T10:00:00.000Z', correlationId: 'corr-b' },
      { type: 'NoteAmended', occurredAt: '2026-03-03T10:00:00.000Z' },
    ]);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const allPages = async (variables: EventsQueryVariables) => {
    const pages = [];
    let after: string | null | undefined;
    do {
      const { body } = await api.graphql(EventsDocument, { ...variables, after });
      expect(body.errors).toBeUndefined();
      pages.push(body.data!.events);
      after = body.data!.events.pageInfo.hasNextPage ? body.data!.events.pageInfo.endCursor : undefined;
    } while (after);
    return pages;
  };

  it('pages through events of some types and categories, cursor = position', async () => {
    const pages = await allPages({ first: 2, filter: { types: ['NoteTaken'], categories: ['Audit'] } });

    expect(pages.map((page) => page.edges.length)).toEqual([2, 2]);
    const nodes = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    expect(nodes.map((node) => `${node.stream}@${node.revision}`)).toEqual(['Audit-1@0', 'Audit-2@0', 'Audit-3@0', 'Audit-3@1']);
    expect(pages[0]!.edges.map((edge) => edge.cursor)).toEqual(pages[0]!.edges.map((edge) => edge.node.position));
    const positions = nodes.map((node) => BigInt(node.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('filters by exact streams, occurredAt range and correlation id while paging', async () => {
    const inFebruary = (await allPages({ first: 1, filter: { from: '2026-02-01T00:00:00Z', to: '2026-03-01T10:00:00Z' } })).flatMap((page) => page.edges);
    expect(inFebruary.map((edge) => edge.node.stream)).toEqual(['Audit-2', 'Memo-1']);

    const byStream = (await allPages({ first: 50, filter: { streams: ['Audit-3'], types: ['NoteAmended'] } })).flatMap((page) => page.edges);
    expect(byStream.map((edge) => edge.node.type)).toEqual(['NoteAmended']);

    const byCorrelation = (await allPages({ first: 50, filter: { correlationId: 'corr-a' } })).flatMap((page) => page.edges);
    expect(byCorrelation.map((edge) => [edge.node.type, edge.node.metadata.correlationId])).toEqual([
      ['NoteTaken', 'corr-a'],
      ['NoteAmended', 'corr-a'],
    ]);
  });

  it('reads one stream page by page in revision order', async () => {
    const first = await api.graphql(StreamDocument, { name: 'Audit-3', first: 2 });
    expect(first.body.data?.stream.nodes.map((node) => node.revision)).toEqual(['0', '1']);
    expect(first.body.data?.stream.pageInfo).toEqual({ hasNextPage: true, endCursor: '1' });

    const second = await api.graphql(StreamDocument, { name: 'Audit-3', first: 2, after: '1' });
    expect(second.body.data?.stream.nodes.map((node) => [node.revision, node.type])).toEqual([['2', 'NoteAmended']]);
    expect(second.body.data?.stream.pageInfo.hasNextPage).toBe(false);
  });

  it('finds an event by id, and answers null for an id it does not hold', async () => {
    const { body } = await api.graphql(StreamDocument, { name: 'Memo-1' });
    const id = body.data!.stream.nodes[0]!.id;

    const found = await api.graphql(EventDocument, { id });
    expect(found.body.data?.event).toMatchObject({ id, stream: 'Memo-1', type: 'NoteTaken', occurredAt: '2026-02-11T10:00:00.000Z' });
    const missing = await api.graphql(EventDocument, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.body.data?.event).toBeNull();
  });

  it('refuses pages above 200 and malformed cursors with field-level messages', async () => {
    const tooBig = await api.graphql(EventsDocument, { first: 201 });
    expect(errorCodes(tooBig)).toEqual(['BAD_USER_INPUT']);
    expect(tooBig.body.errors?.[0]?.extensions?.fields).toEqual([{ field: 'first', messages: ['first must not be greater than 200'] }]);

    const badCursor = await api.graphql(EventsDocument, { after: 'abc' });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(badCursor.body.errors?.[0]?.extensions?.fields).toEqual([{ field: 'after', messages: [expect.stringContaining('event position')] }]);
  });
});
