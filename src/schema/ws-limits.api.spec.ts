import { once } from 'node:events';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TestApi } from '../testing/api-harness';

const liveQuery = 'subscription { eventAppended(filter: { categories: ["Audit"] }) { id } }';

describe('WebSocket limits on /graphql', () => {
  let api: TestApi;
  const clients: Client[] = [];
  beforeAll(async () => {
    api = await TestApi.start({ WS_INIT_TIMEOUT_MS: '300', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2', WS_MAX_SUBSCRIPTIONS_PER_KEY: '3' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.stop();
  });

  const wsUrl = () => `${api.url.replace('http', 'ws')}/graphql`;
  const rawSocket = async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    socket.on('error', () => undefined);
    await once(socket, 'open');
    return socket;
  };
  const closeCodeOf = async (socket: WebSocket) => ((await once(socket, 'close')) as [number, Buffer])[0];
  const connect = (key: string) => {
    const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0, lazy: false });
    clients.push(client);
    return client;
  };
  /** The first message or error of a subscription, or `started` once the server acknowledged it with nothing to say yet. */
  const outcomeOf = (client: Client, query = liveQuery) =>
    new Promise<{ kind: 'error' | 'complete'; detail: unknown } | { kind: 'next'; detail: unknown }>((resolve) => {
      client.subscribe({ query }, { next: (value) => resolve({ kind: 'next', detail: value }), error: (error) => resolve({ kind: 'error', detail: error }), complete: () => resolve({ kind: 'complete', detail: null }) });
    });
  const healthz = async () => (await fetch(`${api.url}/healthz`)).status;

  it('closes a socket that sends a frame over 64 KiB before connection_init (1009), and keeps serving', async () => {
    const socket = await rawSocket();
    const closed = closeCodeOf(socket);

    socket.send(Buffer.alloc(2 * 1024 * 1024, 0x61));

    expect(await closed).toBe(1009);
    expect(await healthz()).toBe(200);
  });

  it('closes a socket whose connection_init carries more than 4 KiB of parameters (4413)', async () => {
    const socket = await rawSocket();
    const closed = closeCodeOf(socket);

    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${api.adminKey}`, padding: 'x'.repeat(8_000) } }));

    expect(await closed).toBe(4413);
  });

  it('closes a socket that never sends connection_init (4408)', async () => {
    const socket = await rawSocket();

    expect(await closeCodeOf(socket)).toBe(4408);
  });

  it('closes an authenticated socket that sends a frame over 64 KiB (1009)', async () => {
    const socket = await rawSocket();
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${api.adminKey}` } }));
    await once(socket, 'message');
    const closed = closeCodeOf(socket);

    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ __typename } #${'x'.repeat(100_000)}` } }));

    expect(await closed).toBe(1009);
  });

  it('refuses a third live subscription on one socket with SUBSCRIPTION_LIMIT', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const client = connect(secret);
    const first = outcomeOf(client);
    const second = outcomeOf(client);

    const third = await outcomeOf(client);

    expect(third.kind).toBe('error');
    expect(JSON.stringify(third.detail)).toContain('SUBSCRIPTION_LIMIT');
    void first;
    void second;
  });

  it('refuses a key its fourth live subscription across sockets', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const [a, b] = [connect(secret), connect(secret)];
    void outcomeOf(a);
    void outcomeOf(a);
    // The server counts what it has started: a query answered on `b` tells both of `a`'s are in.
    await outcomeOf(b, '{ __typename }');
    void outcomeOf(b);
    await outcomeOf(b, '{ __typename }');

    const fourth = await outcomeOf(b);

    expect(fourth.kind).toBe('error');
    expect(JSON.stringify(fourth.detail)).toContain('SUBSCRIPTION_LIMIT');
  });

  it('closes the sockets of a key as it is revoked, ending its live subscriptions (4403)', async () => {
    const { keyId, secret } = await api.keyWithRole('VIEWER');
    const socket = await rawSocket();
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${secret}` } }));
    await once(socket, 'message');
    socket.send(JSON.stringify({ id: 'live', type: 'subscribe', payload: { query: liveQuery } }));
    await api.graphql('{ __typename }', undefined, { key: secret });
    const closed = closeCodeOf(socket);

    const revoked = await api.graphql(`mutation { revokeApiKey(keyId: "${keyId}") { revokedAt } }`);

    expect(revoked.body.errors).toBeUndefined();
    expect(await closed).toBe(4403);
  });

  it('closes a key\'s socket beyond as many as it may run operations (4429)', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const open = async () => {
      const socket = await rawSocket();
      const answered = once(socket, 'message');
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${secret}` } }));
      return { socket, answered };
    };
    const kept = [await open(), await open(), await open()];
    await Promise.all(kept.map(({ answered }) => answered));

    const fourth = await open();

    expect(await closeCodeOf(fourth.socket)).toBe(4429);
    for (const { socket } of kept) socket.close();
  });

  it('answers a query that does not parse or validate with the code Apollo gives it over HTTP, not an internal error', async () => {
    const { secret } = await api.keyWithRole('VIEWER');
    const client = connect(secret);

    const unparsable = await outcomeOf(client, '{ projections { ');
    const invalid = await outcomeOf(client, '{ noSuchField }');

    expect(JSON.stringify(unparsable.detail)).toContain('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(invalid.detail)).toContain('GRAPHQL_VALIDATION_FAILED');
  });
});
