import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import { ids, newEvent, uniqueStream } from '../../testing/event-store-contract.fixtures';
import { openSqliteEventStore } from './sqlite-event-store';
import { PagePlanner } from './sqlite-page-planner';
import { eventFilter } from './sqlite-queries';

const directory = mkdtempSync(join(tmpdir(), 'zixly-page-planner-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Full pages of `count` events, one every `every` positions after `after`. */
const pageOf = (after: bigint, count: number, every: number) =>
  Array.from({ length: count }, (_, index) => ({ position: after + BigInt((index + 1) * every) }) as RecordedEvent);

describe('SQLite page planner', () => {
  it('walks the log for a filter whose full page matched most positions, and seeks again once it turns sparse', () => {
    // Given a planner and a filter it has not seen
    const planner = new PagePlanner();
    const hours = eventFilter({ types: ['HoursLogged'] });
    expect(planner.plan(hours)).toBe('seek');

    // When a full page matched every other position
    planner.observe(hours, 0n, pageOf(0n, 10, 2), 10);
    // Then the next page walks; a short page (the end of the log) changes nothing
    expect(planner.plan(hours)).toBe('walk');
    planner.observe(hours, 20n, pageOf(20n, 3, 10), 10);
    expect(planner.plan(hours)).toBe('walk');

    // When a full walk page matched one position in five
    planner.observe(hours, 20n, pageOf(20n, 10, 5), 10);
    // Then it seeks again, and other filters were never affected
    expect(planner.plan(hours)).toBe('seek');
    expect(planner.plan(eventFilter({ types: ['HoursLogged', 'TimeEntryCorrected'] }))).toBe('seek');
  });

  it('reads a filter that is dense, then sparse, then dense again with the events an unfiltered read keeps', async () => {
    // Given a log where HoursLogged is most events, then rare, then most again, in streams of two categories
    const store = await openSqliteEventStore({ path: join(directory, 'mixed', 'events.sqlite'), pageSize: 4 });
    const [projects, tickets] = [uniqueStream('Project'), uniqueStream('Ticket')];
    const phases = [{ every: 1, count: 30 }, { every: 9, count: 60 }, { every: 1, count: 30 }];
    for (const { every, count } of phases) {
      for (let index = 0; index < count; index++) {
        const stream = index % 3 === 0 ? tickets : projects;
        await store.append(stream, [newEvent(index % every === 0 ? 'HoursLogged' : 'NoteTaken')]);
      }
    }
    const everything = await collect(store.readAll());

    // When it is read page by page with a type filter, and with a type and a category filter
    const byType = await collect(store.readAll({ types: ['HoursLogged'] }));
    const byTypeAndCategory = await collect(store.readAll({ types: ['HoursLogged'], categories: ['Project'] }));

    // Then each holds exactly the matching events, in position order
    expect(ids(byType)).toEqual(ids(everything.filter((event) => event.type === 'HoursLogged')));
    expect(ids(byTypeAndCategory)).toEqual(ids(everything.filter((event) => event.type === 'HoursLogged' && event.stream.startsWith('Project-'))));
    await store.close();
  });
});
