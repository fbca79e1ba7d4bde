import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { collect } from '../core/event-store.port';
import { runCliProcess } from '../testing/cli-process';

const dataDir = mkdtempSync(join(tmpdir(), 'zixly-cli-demo-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const seed = () => runCliProcess(['demo', 'seed', '--seed', '7', '--years', '0.2', '--consultants', '1', '--scale', '1.5', '--start-date', '2025-01-06'], { env: { DATA_DIR: dataDir } });

describe('zixly demo seed', () => {
  it('fills an empty store with the generated history through the command bus', async () => {
    const { code, stderr } = await seed();

    const events = await (async () => {
      const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
      try {
        return await collect(store.readAll());
      } finally {
        await store.close();
      }
    })();
    const summary = /seeded ([\d,]+) commands \(([\d,]+) events\)/.exec(stderr);
    expect(code).toBe(0);
    expect(Number(summary![2]!.replaceAll(',', ''))).toBe(events.length);
    expect(events.length).toBeGreaterThan(1_000);
    expect(new Set(events.map((event) => event.metadata.actor))).toEqual(new Set(['demo']));
    expect(events[0]!.metadata.occurredAt.startsWith('2025-01-0')).toBe(true);
  }, 120_000);

  it('records the history as it happened: recordedAt follows occurredAt, so asOf can show the past', async () => {
    const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    const events = await collect(store.readAll()).finally(() => store.close());

    const recorded = events.map((event) => event.metadata.recordedAt);
    expect(recorded[0]!.startsWith('2025-01-0')).toBe(true);
    expect(recorded.at(-1)! < '2025-04-01').toBe(true);
    expect(recorded).toEqual([...recorded].sort());
  });

  it('refuses a store that already holds business events, with exit code 1', async () => {
    const { code, stderr } = await seed();

    expect(code).toBe(1);
    expect(stderr).toContain('the event store already holds business events');
  });
});
