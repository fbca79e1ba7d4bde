import { describe, expect, it } from 'vitest';
import { collect } from '../core/event-store.port';
import {
  afterHead,
  ids,
  newEvent,
  newEvents,
  type StoreProvider,
  strictlyIncreasing,
  uniqueCategory,
  uniqueStream,
} from './event-store-contract.fixtures';

/** Reading one stream, and `$all` in position order with its filters. */
export function readContract(store: StoreProvider): void {
  describe('readStream', () => {
    it('reads a stream forwards in revision order, from revision 0n', async () => {
      const stream = uniqueStream();
      const events = newEvents(5);
      await store().append(stream, events, 'no_stream');

      const read = await collect(store().readStream(stream));

      expect(ids(read)).toEqual(ids(events));
      expect(read.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(read.every((event) => event.stream === stream && typeof event.position === 'bigint')).toBe(true);
    });

    it('reads a stream backwards from its last event', async () => {
      const stream = uniqueStream();
      const events = newEvents(5);
      await store().append(stream, events, 'no_stream');

      const read = await collect(store().readStream(stream, { direction: 'backwards' }));

      expect(ids(read)).toEqual(ids(events).reverse());
    });

    it('reads forwards from a revision, inclusive, up to maxCount', async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(10), 'no_stream');

      const read = await collect(store().readStream(stream, { fromRevision: 3n, maxCount: 4 }));

      expect(read.map((event) => event.revision)).toEqual([3n, 4n, 5n, 6n]);
    });

    it('reads backwards from a revision, inclusive, up to maxCount', async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(10), 'no_stream');

      const read = await collect(store().readStream(stream, { direction: 'backwards', fromRevision: 6n, maxCount: 3 }));

      expect(read.map((event) => event.revision)).toEqual([6n, 5n, 4n]);
    });

    it('reads a missing stream as empty, in both directions', async () => {
      const stream = uniqueStream();

      const forwards = await collect(store().readStream(stream));
      const backwards = await collect(store().readStream(stream, { direction: 'backwards' }));

      expect(forwards).toEqual([]);
      expect(backwards).toEqual([]);
    });
  });

  describe('readEvent', () => {
    it('finds an event by its id wherever it is in the log, and null for an id never stored', async () => {
      const stream = uniqueStream();
      const events = newEvents(3);
      await store().append(stream, events, 'no_stream');
      await store().append(uniqueStream(), newEvents(2));

      const found = await store().readEvent(events[1]!.id);
      const missing = await store().readEvent('00000000-0000-4000-8000-000000000000');

      expect(found).toMatchObject({ id: events[1]!.id, stream, revision: 1n });
      expect(missing).toBeNull();
    });
  });

  describe('readAll', () => {
    it('returns interleaved appends to several streams in append order, with strictly increasing positions', async () => {
      const category = uniqueCategory();
      const streams = [uniqueStream(category), uniqueStream(category), uniqueStream(category)];
      const after = await afterHead(store());
      const appended = [];
      for (let round = 0; round < 4; round++) {
        for (const stream of streams) {
          const event = newEvent();
          await store().append(stream, [event]);
          appended.push({ id: event.id, stream });
        }
      }

      const read = await collect(store().readAll({ after, categories: [category] }));

      expect(read.map(({ id, stream }) => ({ id, stream }))).toEqual(appended);
      expect(strictlyIncreasing(read.map((event) => event.position))).toBe(true);
    });

    it('starts after the given position, exclusive, and stops at maxCount', async () => {
      const category = uniqueCategory();
      const stream = uniqueStream(category);
      const events = newEvents(6);
      await store().append(stream, events);
      const stored = await collect(store().readStream(stream));

      const read = await collect(store().readAll({ after: stored[1]!.position, categories: [category], maxCount: 3 }));

      expect(ids(read)).toEqual(ids(events.slice(2, 5)));
    });

    it('keeps only the requested event types', async () => {
      const category = uniqueCategory();
      const [wanted, alsoWanted, unwanted] = [`${category}Opened`, `${category}Closed`, `${category}Renamed`];
      const after = await afterHead(store());
      const events = [newEvent(wanted), newEvent(unwanted), newEvent(alsoWanted), newEvent(unwanted), newEvent(wanted)];
      await store().append(uniqueStream(category), events);

      const read = await collect(store().readAll({ after, types: [wanted, alsoWanted] }));

      expect(ids(read)).toEqual(ids([events[0]!, events[2]!, events[4]!]));
    });

    it('keeps only the requested categories, and both filters combine', async () => {
      const [wanted, alsoWanted, unwanted] = [uniqueCategory(), uniqueCategory(), uniqueCategory()];
      const after = await afterHead(store());
      const appended = { wanted: newEvent('Kept'), alsoWanted: newEvent('Dropped'), unwanted: newEvent('Kept') };
      await store().append(uniqueStream(wanted), [appended.wanted]);
      await store().append(uniqueStream(unwanted), [appended.unwanted]);
      await store().append(uniqueStream(alsoWanted), [appended.alsoWanted]);

      const byCategory = await collect(store().readAll({ after, categories: [wanted, alsoWanted] }));
      const byBoth = await collect(store().readAll({ after, categories: [wanted, alsoWanted], types: ['Kept'] }));

      expect(ids(byCategory)).toEqual(ids([appended.wanted, appended.alsoWanted]));
      expect(ids(byBoth)).toEqual(ids([appended.wanted]));
    });

    it('reports the head position as at least the last append position', async () => {
      const result = await store().append(uniqueStream(), newEvents(2));

      const head = await store().headPosition();

      expect(typeof head).toBe('bigint');
      expect(head! >= result.position).toBe(true);
    });
  });
}
