import { describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { collect } from './event-store.port';
import type { NewEvent, RecordedEvent } from './messages';
import { withUpcasting, type Upcaster } from './upcasting';

const metadata = { occurredAt: '2026-01-05T00:00:00.000Z', correlationId: 'c', causationId: null, actor: 'test' };

/** Version 1 of HoursLogged stored minutes; version 2 stores hours. */
const minutesToHours: Upcaster = {
  eventType: 'HoursLogged',
  upcast: (event) => {
    const data = event.data as { minutes?: number; hours?: number };
    if (data.minutes === undefined) return event;
    const { minutes, ...rest } = data;
    return { ...event, data: { ...rest, hours: minutes / 60 } } as RecordedEvent;
  },
};

describe('upcasting', () => {
  it('yields old event shapes in the current shape on every read path', async () => {
    const raw = await openSqliteEventStore({ path: ':memory:' });
    const store = withUpcasting(raw, [minutesToHours]);
    const events: NewEvent[] = [
      { id: '00000000-0000-4000-8000-000000000001', type: 'HoursLogged', data: { entryId: 'e1', minutes: 90 }, metadata },
      { id: '00000000-0000-4000-8000-000000000002', type: 'HoursLogged', data: { entryId: 'e2', hours: 2 }, metadata },
    ];
    await store.append('Project-p1', events, 'no_stream');

    const fromStream = (await collect(store.readStream('Project-p1'))).map((event) => event.data);
    const fromAll = (await collect(store.readAll())).map((event) => event.data);
    expect(fromStream).toEqual([{ entryId: 'e1', hours: 1.5 }, { entryId: 'e2', hours: 2 }]);
    expect(fromAll).toEqual(fromStream);
    expect((await collect(raw.readStream('Project-p1')))[0]!.data).toEqual({ entryId: 'e1', minutes: 90 });
    await store.close();
  });
});
