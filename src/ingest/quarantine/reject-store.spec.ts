import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import type { ReadStore } from '../../core/read-store.port';
import { type RejectFields, RejectStore } from './reject-store';

const reject = (excerpt: string, receivedAt: string): RejectFields => ({
  tool: 'plane',
  reason: 'bad_signature',
  receivedAt,
  detail: 'x-plane-signature does not match',
  method: 'POST',
  path: '/webhooks/plane',
  headers: {},
  excerpt,
  bodyBytes: excerpt.length,
});

describe('bounded storage of unauthenticated rejects', () => {
  let reads: ReadStore;
  let now = Date.parse('2026-12-01T00:00:00.000Z');
  const clock = () => new Date(now);
  beforeEach(async () => {
    reads = await openSqliteReadStore({ path: ':memory:' });
    now = Date.parse('2026-12-01T00:00:00.000Z');
  });
  afterEach(() => reads.close());

  it('drops the oldest records once the kept ones pass the byte bound', async () => {
    const store = new RejectStore(reads, { maxCount: 100, maxBytes: 5_000, maxAgeMs: 3_600_000 }, clock);

    for (let i = 0; i < 20; i++) {
      now += 1_000;
      await store.record(reject(`${i}:`.padEnd(1_000, 'x'), clock().toISOString()));
    }

    const usage = await store.usage();
    expect(usage.bytes).toBeLessThanOrEqual(5_000);
    expect(usage.count).toBe(4);
    expect((await store.list({}, 200)).documents.map((document) => document.excerpt.split(':')[0])).toEqual(['19', '18', '17', '16']);
  });

  it('never lists a record past its age, and removes it at the next reject', async () => {
    const store = new RejectStore(reads, { maxCount: 10, maxBytes: 1_000_000, maxAgeMs: 3_600_000 }, clock);
    await store.record(reject('old', clock().toISOString()));

    now += 2 * 3_600_000;
    expect((await store.list({}, 10)).documents).toEqual([]);
    await store.record(reject('new', clock().toISOString()));

    expect((await store.usage()).count).toBe(1);
  });

  it('keeps what it kept across a restart, and goes on overwriting the oldest', async () => {
    const bounds = { maxCount: 3, maxBytes: 1_000_000, maxAgeMs: 3_600_000 };
    const first = new RejectStore(reads, bounds, clock);
    for (const name of ['a', 'b', 'c']) {
      now += 1_000;
      await first.record(reject(name, clock().toISOString()));
    }

    const restarted = new RejectStore(reads, bounds, clock);
    now += 1_000;
    await restarted.record(reject('d', clock().toISOString()));

    expect((await restarted.list({}, 10)).documents.map((document) => document.excerpt)).toEqual(['d', 'c', 'b']);
  });
});
