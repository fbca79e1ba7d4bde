import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteLeaseStore } from '../adapters/sqlite/sqlite-lease-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from './event-store.port';
import { randomId } from './ids';
import { LeaseKeeper } from './lease-keeper';
import type { LeaseStore } from './lease.port';
import type { Projection } from './projection';
import { ProjectionRunner, projectionLeaseName } from './projection-runner';
import type { ReadStore } from './read-store.port';

/** Counts payments per process: `by` tells which process applied the last one. */
const paymentsBy = (by: string): Projection => ({
  name: 'payments',
  version: 1,
  handles: ['PaymentReceived'],
  documentIds: () => ['all'],
  evolve: (document, _event, id) => ({ _id: id, count: ((document?.count as number) ?? 0) + 1, by }),
});

const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };
const ttlMs = 300;

describe('projection runner under leases (two processes sharing the stores)', () => {
  let directory: string;
  let events: EventStore;
  let reads: ReadStore;
  let leases: LeaseStore;
  const stops: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'zixly-leased-'));
    events = await openSqliteEventStore({ path: join(directory, 'events.sqlite') });
    reads = await openSqliteReadStore({ path: join(directory, 'read-models.sqlite') });
    leases = await openSqliteLeaseStore({ path: join(directory, 'leases.sqlite') });
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await Promise.all([events.close(), reads.close(), leases.close()]);
    rmSync(directory, { recursive: true, force: true });
  });

  async function process(holder: string): Promise<{ runner: ProjectionRunner; keeper: LeaseKeeper }> {
    const keeper = new LeaseKeeper({ store: leases, holder, names: [projectionLeaseName('payments')], ttlMs });
    await keeper.start();
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: [paymentsBy(holder)], batchSize: 3, idleWaitMs: 20, leases: keeper });
    await runner.start();
    stops.push(() => keeper.stop(), () => runner.stop());
    return { runner, keeper };
  }

  const pay = async (count: number) => {
    let position = 0n;
    for (let index = 0; index < count; index++) {
      position = (await events.append(`Invoice-${index}`, [{ id: randomId(), type: 'PaymentReceived', data: {}, metadata }])).position;
    }
    return position;
  };
  const payments = async () => (await reads.getMany('payments', ['all'])).get('all')?.document;

  it('applies each event once, in the process holding the lease, and both processes see it caught up', async () => {
    // Given two processes, the first of which took the lease
    const first = await process('first');
    const second = await process('second');
    expect(first.keeper.holding().map((grant) => grant.name)).toEqual(['projection:payments']);
    expect(second.keeper.holding()).toEqual([]);

    // When payments are recorded
    const head = await pay(10);

    // Then both wait until the holder applied them, and only the holder wrote
    expect(await second.runner.waitFor(head, 5_000)).toBe(true);
    expect(await first.runner.waitFor(head, 5_000)).toBe(true);
    expect(await payments()).toMatchObject({ count: 10, by: 'first' });
    expect(second.runner.status()[0]?.position).toBe(head);
  });

  it('hands the projection over when its holder stops, carrying on from its checkpoint under a higher token', async () => {
    // Given the first process applied some payments, then stopped
    const first = await process('first');
    const second = await process('second');
    expect(await first.runner.waitFor(await pay(4), 5_000)).toBe(true);
    const firstToken = first.keeper.holding()[0]!.token;
    await first.runner.stop();
    await first.keeper.stop();

    // When more payments arrive
    const head = await pay(5);

    // Then the second process takes over and counts each payment once
    expect(await second.runner.waitFor(head, 5_000)).toBe(true);
    expect(await payments()).toMatchObject({ count: 9, by: 'second' });
    expect(second.keeper.holding()[0]!.token).toBeGreaterThan(firstToken);
    expect((await reads.checkpoint('payments'))?.fence).toBe(second.keeper.holding()[0]!.token);
  });

  it('refuses a rebuild in a process that does not run the projection', async () => {
    await process('first');
    const second = await process('second');
    await expect(second.runner.rebuild('payments')).rejects.toMatchObject({ code: 'projection.runs_elsewhere' });
  });
});
