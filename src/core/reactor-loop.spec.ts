import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from './event-store.port';
import { randomId } from './ids';
import { noProcessors } from './lease-keeper';
import type { RecordedEvent } from './messages';
import { Processors } from './processors';
import { ProjectionRunner } from './projection-runner';
import type { Reactor, ReactorNotice } from './reactor';
import { ReactorLoop } from './reactor-loop';
import type { ReadStore } from './read-store.port';
import { systemClock } from './time';

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

/** Waits for a condition that the loop reaches in the background; fails the test if it never does. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never reached');
}

describe('reactor loop', () => {
  let events: EventStore;
  let reads: ReadStore;
  const loops: ReactorLoop[] = [];
  const notices: ReactorNotice[] = [];
  const ping = (n: number) => events.append(`Ping-${n}`, [{ id: randomId(), type: 'Pinged', data: { n }, metadata }]);

  beforeEach(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    notices.length = 0;
  });

  afterEach(async () => {
    for (const loop of loops.splice(0)) await loop.stop();
    await events.close();
    await reads.close();
  });

  async function start(reactor: Reactor): Promise<ReactorLoop> {
    const loop = new ReactorLoop(reactor, { eventStore: events, readStore: reads, clock: systemClock, onNotice: (notice) => notices.push(notice) });
    await loop.start();
    loops.push(loop);
    return loop;
  }

  const recorder = (overrides: Partial<Reactor> = {}) => {
    const seen: number[] = [];
    const reactor: Reactor = {
      name: 'pings',
      types: ['Pinged'],
      startAt: 'beginning',
      checkpointKey: 'worker:pings',
      handle: (event: RecordedEvent) => void seen.push((event.data as { n: number }).n),
      ...overrides,
    };
    return { reactor, seen };
  };

  it('resumes after a checkpoint an earlier version wrote under the same key, without acting again on what came before', async () => {
    await ping(1);
    const second = await ping(2);
    await reads.saveCheckpoint({ projection: 'worker:pings', version: 1, collection: 'wf_pings', position: second.position, failure: null, updatedAt: metadata.occurredAt });
    await ping(3);
    const { reactor, seen } = recorder();
    await start(reactor);
    await until(() => seen.length === 1);
    await ping(4);
    await until(() => seen.length === 2);
    expect(seen).toEqual([3, 4]);
  });

  it('starts at the end of the log when it has no checkpoint and saves that start at once', async () => {
    const before = await ping(1);
    const { reactor, seen } = recorder({ startAt: 'end' });
    await start(reactor);
    expect((await reads.checkpoint('worker:pings'))?.position).toBe(before.position);
    const after = await ping(2);
    await until(async () => (await reads.checkpoint('worker:pings'))?.position === after.position);
    expect(seen).toEqual([2]);
  });

  it('gives up on an event after its last attempt, records why, and goes on with the next', async () => {
    const givenUp: string[] = [];
    const { reactor, seen } = recorder({
      retry: { maxAttempts: 2, backoffMs: 1 },
      handle: (event) => {
        const n = (event.data as { n: number }).n;
        if (n === 1) throw new Error('tool down');
        seen.push(n);
      },
      giveUp: async (_event, error) => void givenUp.push(String(error)),
    });
    await ping(1);
    await ping(2);
    const loop = await start(reactor);
    await until(() => seen.length === 1);
    expect(givenUp).toEqual(['Error: tool down']);
    expect(notices.map((notice) => notice.kind)).toEqual(['reactor_retrying', 'reactor_gave_up']);
    expect(loop.status()).toMatchObject({ kind: 'reactor', state: 'live', skipped: 1, failure: null });
  });

  it('hands an event over again while it is "not yet", without counting it as a failure', async () => {
    let tries = 0;
    const notYet = new Error('run not ready');
    const { reactor, seen } = recorder({
      retry: { maxAttempts: 1, isNotYet: (error) => error === notYet, waitRetryMs: 1 },
      handle: (event) => {
        if (++tries < 4) throw notYet;
        seen.push((event.data as { n: number }).n);
      },
    });
    await ping(1);
    await start(reactor);
    await until(() => seen.length === 1);
    expect(tries).toBe(4);
    expect(notices).toEqual([]);
  });

  it('keeps its checkpoint before an event it was stopped while retrying, so the next start hands it over again', async () => {
    const first = await ping(1);
    await ping(2);
    const { reactor, seen } = recorder({ retry: { backoffMs: 60_000 }, handle: (event) => void ((event.data as { n: number }).n === 2 ? (() => { throw new Error('down'); })() : seen.push(1)) });
    const loop = await start(reactor);
    await until(() => loop.status().state === 'failed');
    await loop.stop();
    expect((await reads.checkpoint('worker:pings'))?.position).toBe(first.position);
    expect(seen).toEqual([1]);
  });
});

describe('processors', () => {
  it('lists projections and reactors with their kind, and a leased reactor running elsewhere from its checkpoint', async () => {
    const events = await openSqliteEventStore({ path: ':memory:' });
    const reads = await openSqliteReadStore({ path: ':memory:' });
    const pinged = await events.append('Ping-1', [{ id: randomId(), type: 'Pinged', data: {}, metadata }]);
    await reads.saveCheckpoint({ projection: 'workflow:pings', version: 1, collection: '', position: pinged.position, failure: null, updatedAt: metadata.occurredAt });
    const count = { name: 'ping_count', version: 1, handles: ['Pinged'], documentIds: () => ['all'], evolve: (_: unknown, __: RecordedEvent, id: string) => ({ _id: id }) };
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: [count] });
    await runner.start();
    const processors = new Processors({ eventStore: events, readStore: reads, clock: systemClock, projections: runner, leases: noProcessors });
    const reactor = (name: string, checkpointKey: string | null): Reactor => ({ name, types: ['Pinged'], startAt: 'end', checkpointKey, handle: () => undefined });
    await processors.run({ lease: 'workflows', reactors: [reactor('pings', 'workflow:pings')] });
    await processors.run({ lease: null, reactors: [reactor('counter', null)] });
    await runner.waitFor(pinged.position);

    const statuses = await processors.status();
    expect(statuses.map(({ name, kind, state, runsHere, position }) => ({ name, kind, state, runsHere, position }))).toEqual([
      { name: 'ping_count', kind: 'projection', state: 'live', runsHere: true, position: pinged.position },
      { name: 'pings', kind: 'reactor', state: 'stopped', runsHere: false, position: pinged.position },
      { name: 'counter', kind: 'reactor', state: 'live', runsHere: true, position: pinged.position },
    ]);
    expect((await processors.lag()).map(({ name, eventsBehind }) => ({ name, eventsBehind }))).toEqual([
      { name: 'ping_count', eventsBehind: 0 },
      { name: 'pings', eventsBehind: 0 },
      { name: 'counter', eventsBehind: 0 },
    ]);
    await processors.stop();
    await runner.stop();
    await events.close();
    await reads.close();
  });
});
