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
import type { RebuildProgress } from './projection-rebuild';
import type { Clock } from './time';

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

  async function process(holder: string, options: { clock?: Clock; onRebuildProgress?: (progress: RebuildProgress) => void } = {}) {
    const keeper = new LeaseKeeper({ store: leases, holder, names: [projectionLeaseName('payments')], ttlMs, ...(options.clock && { clock: options.clock }) });
    await keeper.start();
    const rebuilt: RebuildProgress[] = [];
    const onRebuildProgress = (progress: RebuildProgress) => {
      if (progress.done) rebuilt.push(progress);
      options.onRebuildProgress?.(progress);
    };
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: [paymentsBy(holder)], batchSize: 3, idleWaitMs: 20, leases: keeper, onRebuildProgress });
    await runner.start();
    stops.push(() => keeper.stop(), () => runner.stop());
    return { runner, keeper, rebuilt };
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
    expect([await first.runner.reached('payments', head), await second.runner.reached('payments', head)]).toEqual([true, true]);
    expect(await second.runner.reached('payments', (await pay(1)) + 1n)).toBe(false);
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

  /** Polls the store (never a timing claim): `condition` must hold within 5 s. */
  async function eventually(condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(what);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('hands a rebuild asked of a process that does not run the projection to the one that does', async () => {
    // Given the first process runs the projection, the second does not
    const first = await process('first');
    const second = await process('second');
    expect(await first.runner.waitFor(await pay(6), 5_000)).toBe(true);

    // When the second is asked to rebuild it
    expect(second.runner.runsHere('payments')).toBe(false);
    await second.runner.handOver('payments');

    // Then the first rebuilds it, once, and the second never wrote
    await eventually(async () => first.rebuilt.length === 1 && (await reads.checkpoints()).every((checkpoint) => checkpoint.projection === 'payments'), 'the holder did not rebuild');
    expect(first.rebuilt[0]).toMatchObject({ projection: 'payments', eventsDone: 6 });
    expect(second.rebuilt).toEqual([]);
    expect(await payments()).toMatchObject({ count: 6, by: 'first' });
  });

  it('drops the shadow an interrupted rebuild left behind when it takes the projection over', async () => {
    // Given a rebuild interrupted by a kill left its shadow collection and checkpoint
    const shadow = { projection: 'payments__rebuild', version: 1, collection: 'payments__rebuild', position: 1n, failure: null, updatedAt: metadata.occurredAt };
    await reads.commit('payments__rebuild', [{ id: 'all', position: 1n, document: { _id: 'all', count: 1, by: 'killed' } }], shadow);

    // When a process takes the projection's lease
    const first = await process('first');
    expect(await first.runner.waitFor(await pay(2), 5_000)).toBe(true);

    // Then the leftovers are gone
    expect((await reads.listCollections()).map((name) => name.toLowerCase())).not.toContain('payments__rebuild');
    expect(await reads.checkpoint('payments__rebuild')).toBeNull();
  });

  it('stops a rebuild whose process lost the lease, without swapping it in', async () => {
    // Given the first process runs the projection on a clock the test moves
    let now = Date.now();
    const clock = () => new Date(now);
    const first = await process('first', { clock, onRebuildProgress: () => void (now += 60 * 60_000) });
    expect(await first.runner.waitFor(await pay(12), 5_000)).toBe(true);
    const before = await payments();

    // When its lease runs out (the clock jumps an hour) after the rebuild's first batch
    const rebuild = first.runner.rebuild('payments');

    // Then the rebuild stops, named, and the live read model is the one it was
    await expect(rebuild).rejects.toMatchObject({ code: 'projection.lease_lost' });
    expect(first.rebuilt).toEqual([]);
    expect(await payments()).toEqual(before);
    expect((await reads.checkpoint('payments'))?.position).toBe((await events.headPosition()));
  });
});
