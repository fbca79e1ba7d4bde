import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../core/event-store.port';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { decideHistory } from '../../demo/decide-history';
import { generateHistory } from '../../demo/generate-history';
import { allProjections } from '../../projections';
import { dropReadModels, mongoTestServer, mongoTestUrl } from '../../testing/mongodb-test-database';
import { snapshotReadModels } from '../../testing/read-model-snapshot';
import { openSqliteEventStore } from '../sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../sqlite/sqlite-read-store';
import { openMongoReadStore } from './mongodb-read-store';

const history = { seed: 5, consultants: 1, years: 0.25, startDate: '2025-01-06' };
const names = allProjections.map((projection) => projection.name);

if (!mongoTestServer) console.log('SKIPPED: every projection on the MongoDB read store (set MONGODB_URL, see README)');

describe.skipIf(!mongoTestServer)('every projection on the MongoDB read store', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function caughtUp(events: EventStore, reads: ReadStore): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: allProjections, batchSize: 500 });
    await runner.start();
    closers.push(() => runner.stop());
    expect(await runner.waitFor((await events.headPosition())!, 120_000)).toBe(true);
    expect(runner.status().filter((status) => status.failure !== null)).toEqual([]);
    return runner;
  }

  it('builds the same documents as SQLite from a generated history, followed and rebuilt', async () => {
    // Given a generated quarter of a consultancy's history in the event store
    const events = await openSqliteEventStore({ path: ':memory:' });
    closers.push(() => events.close());
    for await (const { stream, events: decided } of decideHistory(generateHistory(history))) await events.append(stream, decided);

    // When every projection follows it into SQLite and into MongoDB, then rebuilds on MongoDB
    const sqlite = await openSqliteReadStore({ path: ':memory:' });
    const mongo = await openMongoReadStore({ url: mongoTestUrl('zixly_projections') });
    closers.push(() => sqlite.close(), () => mongo.close(), () => dropReadModels(mongo));
    await caughtUp(events, sqlite);
    const onMongo = await caughtUp(events, mongo);
    const followed = await snapshotReadModels(mongo, names);
    for (const name of names) await onMongo.rebuild(name);
    expect(await onMongo.waitFor((await events.headPosition())!, 120_000)).toBe(true);

    // Then both stores hold the same documents at the same positions, before and after the rebuild
    const expected = await snapshotReadModels(sqlite, names);
    expect(Object.values(expected).reduce((total, documents) => total + Object.keys(documents).length, 0)).toBeGreaterThan(500);
    expect(followed).toEqual(expected);
    expect(await snapshotReadModels(mongo, names)).toEqual(expected);
  }, 300_000);
});
