import { describe, expect, it } from 'vitest';
import type { ProjectionStatus } from '../../core/projection-runner';
import { ProjectionFeed } from './projection-feed';

/** The runner's status as the feed reads it; positions move when the test says so. */
class Positions {
  readonly current = new Map<string, bigint | null>([
    ['leads', null],
    ['invoices', 3n],
  ]);
  status(): ProjectionStatus[] {
    return [...this.current].map(([name, position]) => ({ name, version: 1, position, state: 'live', failure: null, rebuild: null, rebuildError: null, paused: null, skipped: [] }));
  }
}

describe('projection feed', () => {
  it('emits the latest position of each projection that moved, once per change', async () => {
    const positions = new Positions();
    const feed = new ProjectionFeed(positions, 1);
    const advances = feed.subscribe();

    positions.current.set('leads', 5n);
    positions.current.set('invoices', 4n);
    const first = await advances.next();
    const second = await advances.next();
    positions.current.set('leads', 9n);
    const third = await advances.next();

    expect([first.value, second.value, third.value]).toEqual([
      { projection: 'leads', position: 5n },
      { projection: 'invoices', position: 4n },
      { projection: 'leads', position: 9n },
    ]);
    await advances.return();
  });

  it('only emits the projections asked for, and ends a pending read when closed', async () => {
    const positions = new Positions();
    const feed = new ProjectionFeed(positions, 1);
    const advances = feed.subscribe(['invoices']);

    positions.current.set('leads', 7n);
    const pending = advances.next();
    positions.current.set('invoices', 8n);
    expect((await pending).value).toEqual({ projection: 'invoices', position: 8n });

    const waiting = advances.next();
    await advances.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });
});
