import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TestApi } from '../testing/api-harness';
import { EventAppendedDocument, type EventAppendedSubscription, ProjectionAdvancedDocument, type ProjectionAdvancedSubscription } from './__generated__/operations';

describe('subscriptions over graphql-ws on /graphql', () => {
  let api: TestApi;
  const clients: Client[] = [];
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.stop();
  });

  const connect = (authorization: string | undefined) => {
    const client = createClient({ url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization }, retryAttempts: 0 });
    clients.push(client);
    return client;
  };

  /**
   * A subscription starts when the server has processed it, which the protocol does not signal:
   * act again until the first message arrives (bounded), then look at what arrived.
   */
  async function firstMessage<T>(iterator: AsyncIterator<T>, act: (attempt: number) => Promise<void>): Promise<T> {
    const next = iterator.next();
    for (let attempt = 0; attempt < 50; attempt++) {
      await act(attempt);
      const settled = await Promise.race([next, new Promise<null>((resolve) => setTimeout(() => resolve(null), 100))]);
      if (settled) return (settled as IteratorResult<T>).value;
    }
    throw new Error('no message arrived');
  }

  it('delivers appended events that match the filter', async () => {
    const client = connect(`Bearer ${api.adminKey}`);
    const events = client.iterate<EventAppendedSubscription>({ query: print(EventAppendedDocument), variables: { filter: { categories: ['Audit'], types: ['NoteTaken'] } } });

    const message = await firstMessage(events[Symbol.asyncIterator](), async (attempt) => {
      await api.given(`Memo-${attempt}`, [{ type: 'NoteTaken' }]);
      await api.given(`Audit-${attempt}`, [{ type: 'NoteAmended' }, { type: 'NoteTaken', data: { attempt } }]);
    });

    expect(message.errors).toBeUndefined();
    expect(message.data?.eventAppended).toMatchObject({ type: 'NoteTaken', stream: expect.stringMatching(/^Audit-\d+$/), revision: '1' });
    await events.return?.();
  });

  it('tells when a read model moved, so a dashboard can refetch', async () => {
    const client = connect(`Bearer ${api.adminKey}`);
    const advances = client.iterate<ProjectionAdvancedSubscription>({ query: print(ProjectionAdvancedDocument), variables: { names: ['leads'] } });

    const message = await firstMessage(advances[Symbol.asyncIterator](), async (attempt) => {
      const captured = await api.graphql(`mutation { captureLead(input: { leadId: "lead-${attempt}", name: "Ada", source: WEBSITE }) { status } }`);
      expect(captured.body.errors).toBeUndefined();
    });

    expect(message.data?.projectionAdvanced).toEqual({ projection: 'leads', position: expect.stringMatching(/^\d+$/) });
    await advances.return?.();
  });

  it('closes a connection whose key was revoked since it opened: nothing new starts, nothing live goes on', async () => {
    const viewer = await api.keyWithRole('VIEWER');
    const client = connect(`Bearer ${viewer.secret}`);
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on('closed', (event) => resolve(event as { code: number; reason: string })));
    const first = client.iterate({ query: print(EventAppendedDocument) });
    void first.next().catch(() => undefined);
    await connected;

    await api.graphql('mutation ($keyId: ID!) { revokeApiKey(keyId: $keyId) { keyId } }', { keyId: viewer.keyId });

    expect(await closed).toMatchObject({ code: 4403, reason: 'API key "viewer key" was revoked' });
  });

  it('closes a connection whose key is not valid with 4401 and the reason', async () => {
    const client = connect('Bearer zx_wrong');
    const events = client.iterate({ query: print(EventAppendedDocument) });

    const closed = await events.next().then(
      () => null,
      (error: unknown) => error as { code: number; reason: string },
    );
    expect(closed).toMatchObject({ code: 4401, reason: 'Invalid API key' });
  });
});

describe('stopping the app', () => {
  it('ends live subscriptions with "going away" instead of waiting for clients', async () => {
    const api = await TestApi.start();
    const client = createClient({ url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${api.adminKey}` }, retryAttempts: 0 });
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const events = client.iterate({ query: print(EventAppendedDocument) });
    const ended = events.next().then(
      (result) => ({ done: result.done }),
      (error: unknown) => ({ code: (error as { code?: number }).code }),
    );
    await connected;

    await api.stop();

    expect(await ended).toEqual({ code: 1001 });
    await client.dispose();
  });
});
