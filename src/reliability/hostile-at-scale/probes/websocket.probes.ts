import { freshKey, gql, leakIn } from '../api-probe-kit';
import type { Probe, ProbeOutcome, ProbeTarget } from '../probe';
import { errorCodesOf, ProbeSocket } from '../ws-probe-kit';

const probe = (name: string, run: (target: ProbeTarget) => Promise<ProbeOutcome>): Probe => ({
  class: 'websocket',
  name,
  run,
});
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const live = 'subscription { eventAppended { id stream type data } }';

/** Opens an authenticated socket, runs `use`, and always closes it. */
async function withSocket(target: ProbeTarget, key: string, use: (socket: ProbeSocket) => Promise<ProbeOutcome>): Promise<ProbeOutcome> {
  const socket = await ProbeSocket.open(target);
  try {
    if (!(await socket.init(bearer(key)))) return { kind: 'failed', detail: `connection refused (${socket.closeCode})` };
    return await use(socket);
  } finally {
    socket.close();
  }
}

/** Refused when the server closes the socket with one of `codes` within a few seconds. */
async function expectClose(socket: ProbeSocket, codes: readonly number[], what: string): Promise<ProbeOutcome> {
  const code = await socket.closeCodeWithin(10_000);
  socket.close();
  if (code !== null && codes.includes(code)) return { kind: 'refused', detail: `${what}: closed ${code}` };
  return { kind: 'failed', detail: `${what}: expected close ${codes.join('|')}, got ${code ?? 'still open'}` };
}

/** Refused when the operation's answer is an error with one of `codes`. */
async function expectOperationError(socket: ProbeSocket, id: string, codes: readonly string[], target: ProbeTarget): Promise<ProbeOutcome> {
  const answer = await socket.until((message) => message.id === id && message.type !== 'complete', 10_000);
  const leak = answer ? leakIn(target, JSON.stringify(answer), 'VIEWER') : null;
  if (leak) return { kind: 'leak', detail: leak };
  const found = errorCodesOf(answer);
  return found.some((code) => codes.includes(code)) ? { kind: 'refused', detail: found.join(',') } : { kind: 'failed', detail: `expected ${codes.join('|')}, got ${JSON.stringify(answer ?? socket.closeCode).slice(0, 160)}` };
}

const frames: Probe[] = [
  probe('a 95 MiB frame before connection_init', async (t) => {
    const socket = await ProbeSocket.open(t);
    // The client masks all 95 MiB before the frame's header leaves, which can outlast the init
    // timeout: either close is the server refusing without buffering the frame.
    socket.socket.send(Buffer.alloc(95 * 1024 * 1024, 0x61));
    return expectClose(socket, [1009, 4408], '95 MiB before auth');
  }),
  probe('a 2 MiB frame after connection_init', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.subscribe('big', `{ __typename } #${'x'.repeat(2 * 1024 * 1024)}`);
      return expectClose(socket, [1009], '2 MiB after auth');
    })),
  probe('connection_init with 20 kB of parameters', async (t) => {
    const socket = await ProbeSocket.open(t);
    socket.send({ type: 'connection_init', payload: { ...bearer(t.keys.VIEWER), padding: 'p'.repeat(20_000) } });
    return expectClose(socket, [4413], 'oversized connection parameters');
  }),
  probe('a socket that never sends connection_init', async (t) => expectClose(await ProbeSocket.open(t), [4408], 'silent socket')),
  probe('100 sockets that never authenticate', async (t) => {
    const sockets = await Promise.all(Array.from({ length: 100 }, () => ProbeSocket.open(t)));
    const codes = await Promise.all(sockets.map((socket) => socket.closeCodeWithin(15_000)));
    for (const socket of sockets) socket.close();
    const open = codes.filter((code) => code !== 4408).length;
    return open === 0 ? { kind: 'refused', detail: '100 closed with 4408' } : { kind: 'failed', detail: `${open} of 100 not closed with 4408` };
  }),
  probe('subscribe before connection_init', async (t) => {
    const socket = await ProbeSocket.open(t);
    socket.subscribe('early', live);
    return expectClose(socket, [4401, 4400], 'subscribe before init');
  }),
  probe('an unknown key', async (t) => {
    const socket = await ProbeSocket.open(t);
    socket.send({ type: 'connection_init', payload: bearer('zx_not_a_key_at_all_0000000000') });
    return expectClose(socket, [4401], 'unknown key');
  }),
  probe('a message that is not JSON after connection_init', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.socket.send('{{{ not json');
      return expectClose(socket, [4400], 'garbage message');
    })),
];

const floods: Probe[] = [
  probe('50 live subscriptions on one socket', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      for (let index = 0; index < 50; index++) socket.subscribe(`s${index}`, live);
      return expectOperationError(socket, 's49', ['SUBSCRIPTION_LIMIT'], t);
    })),
  probe('one key, 6 sockets, 15 subscriptions each', async (t) => {
    const { secret } = await freshKey(t, 'VIEWER');
    const sockets = await Promise.all(Array.from({ length: 6 }, () => ProbeSocket.open(t)));
    try {
      for (const socket of sockets) if (!(await socket.init(bearer(secret)))) return { kind: 'failed', detail: 'connection refused' };
      for (const [index, socket] of sockets.entries()) for (let sub = 0; sub < 15; sub++) socket.subscribe(`k${index}-${sub}`, live);
      // Which ones are refused depends on the order the six sockets' frames arrive in; how many does not.
      const perKey = Number(t.env.WS_MAX_SUBSCRIPTIONS_PER_KEY ?? 50);
      const expected = 90 - perKey;
      const limited = () => sockets.reduce((total, socket) => total + socket.messages.filter((message) => errorCodesOf(message).includes('SUBSCRIPTION_LIMIT')).length, 0);
      const guard = Date.now() + 15_000;
      while (limited() < expected && Date.now() < guard) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refused = limited();
      return refused === expected ? { kind: 'refused', detail: `${perKey} live, ${expected} refused with SUBSCRIPTION_LIMIT` } : { kind: 'failed', detail: `${refused} of 90 refused, expected ${expected} (${perKey} per key)` };
    } finally {
      for (const socket of sockets) socket.close();
    }
  }),
  probe('one key opens 60 authenticated sockets', async (t) => {
    const { secret } = await freshKey(t, 'VIEWER');
    const sockets = await Promise.all(Array.from({ length: 60 }, () => ProbeSocket.open(t)));
    try {
      const accepted = await Promise.all(sockets.map((socket) => socket.init(bearer(secret))));
      const refused = sockets.filter((socket) => socket.closeCode === 4429).length;
      const other = sockets.find((socket, index) => !accepted[index] && socket.closeCode !== 4429);
      if (other) return { kind: 'failed', detail: `a socket closed with ${other.closeCode}` };
      return refused > 0 ? { kind: 'refused', detail: `${accepted.filter(Boolean).length} accepted, ${refused} closed with 4429` } : { kind: 'failed', detail: 'all 60 sockets accepted' };
    } finally {
      for (const socket of sockets) socket.close();
    }
  }),
  probe("a revoked key's live subscription", async (t) => {
    const { keyId, secret } = await freshKey(t, 'VIEWER');
    return withSocket(t, secret, async (socket) => {
      socket.subscribe('live', live);
      await gql(t, 'ADMIN', '{ __typename }');
      const started = Date.now();
      await gql(t, 'ADMIN', `mutation { revokeApiKey(keyId: "${keyId}") { revokedAt } }`);
      const code = await socket.closeCodeWithin(1_000);
      return code === 4403 ? { kind: 'refused', detail: `closed 4403 ${Date.now() - started} ms after the revocation` } : { kind: 'failed', detail: `still ${code ?? 'open'} 1 s after the revocation` };
    });
  }),
];

const visibility: Probe[] = [
  probe('a VIEWER follows the log while an ADMIN creates a key', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.subscribe('all', live);
      await gql(t, 'VIEWER', '{ __typename }');
      await freshKey(t, 'VIEWER');
      await freshKey(t, 'EDITOR');
      // A business fact after the keys: once it arrives, the keys' events would have too.
      await gql(t, 'EDITOR', 'mutation { captureLead(input: { leadId: "probe-lead-ws", name: "Ada", source: WEBSITE }) { status } }');
      const received = await socket.until((message) => message.id === 'all' && JSON.stringify(message).includes('Lead-'), 10_000);
      const leak = leakIn(t, JSON.stringify(socket.messages), 'VIEWER');
      if (leak) return { kind: 'leak', detail: leak };
      return received ? { kind: 'served', detail: 'business events only' } : { kind: 'failed', detail: `no business event arrived: ${JSON.stringify(socket.messages).slice(0, 160)}` };
    })),
  probe('a VIEWER subscribes to the ApiKey category', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.subscribe('keys', 'subscription { eventAppended(filter: { categories: ["ApiKey", "WebhookDelivery"] }) { data } }');
      return expectOperationError(socket, 'keys', ['FORBIDDEN'], t);
    })),
  probe('a VIEWER sends a mutation over the socket', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.subscribe('m', 'mutation { createApiKey(name: "x", role: ADMIN) { secret } }');
      return expectOperationError(socket, 'm', ['FORBIDDEN'], t);
    })),
  probe('1,000 aliased event(id) over the socket', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.subscribe('bomb', `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: event(id: "e-${i}") { id }`).join(' ')} }`);
      return expectOperationError(socket, 'bomb', ['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED'], t);
    })),
  probe('a query 40 levels deep over the socket', (t) =>
    withSocket(t, t.keys.VIEWER, async (socket) => {
      socket.subscribe('deep', `{ ${'projections { '.repeat(40)}name${' }'.repeat(40)} }`);
      return expectOperationError(socket, 'deep', ['QUERY_TOO_DEEP', 'GRAPHQL_VALIDATION_FAILED'], t);
    })),
];

export const probes: readonly Probe[] = [...frames, ...floods, ...visibility];
