import { describe, expect, it } from 'vitest';
import { collect, type EventStore, type SubscribeOptions } from '../core/event-store.port';
import type { NewEvent, RecordedEvent } from '../core/messages';
import {
  afterHead,
  ids,
  newEvent,
  newEvents,
  nextEvents,
  type StoreProvider,
  strictlyIncreasing,
  uniqueCategory,
  uniqueStream,
} from './event-store-contract.fixtures';

/** Catch-up subscriptions: stored events, then live ones, each exactly once, in position order. */
export function subscriptionContract(store: StoreProvider): void {
  describe('subscribe', () => {
    it('delivers stored events, then events appended while it catches up, with no gap and no duplicate', async () => {
      const category = uniqueCategory();
      const stream = uniqueStream(category);
      const after = await afterHead(store());
      const stored = newEvents(3);
      const live = newEvents(3);
      const sentinel = newEvent('ContractSentinelAppended');
      await store().append(stream, stored);

      const received = await whileSubscribed(store(), { after, categories: [category] }, async (iterator) => {
        const appending = appendOneByOne(store(), stream, live);
        const events = await nextEvents(iterator, stored.length + live.length);
        await appending;
        await store().append(stream, [sentinel]);
        return [...events, ...(await nextEvents(iterator, 1))];
      });

      expect(ids(received)).toEqual(ids([...stored, ...live, sentinel]));
    });

    it('delivers concurrent appends to several streams exactly once, in position order', async () => {
      const category = uniqueCategory();
      const streams = [uniqueStream(category), uniqueStream(category), uniqueStream(category), uniqueStream(category)];
      const after = await afterHead(store());
      const events = newEvents(20);

      const received = await whileSubscribed(store(), { after, categories: [category] }, async (iterator) => {
        const appending = Promise.all(events.map((event, index) => store().append(streams[index % streams.length]!, [event])));
        const delivered = await nextEvents(iterator, events.length);
        await appending;
        return delivered;
      });

      const stored = await collect(store().readAll({ after, categories: [category] }));
      expect(ids(received)).toEqual(ids(stored));
      expect(new Set(ids(received))).toEqual(new Set(ids(events)));
      expect(strictlyIncreasing(received.map((event) => event.position))).toBe(true);
    });

    it('delivers only the subscribed event types', async () => {
      const category = uniqueCategory();
      const [wanted, unwanted] = [`${category}Wanted`, `${category}Unwanted`];
      const events = [newEvent(unwanted), newEvent(wanted), newEvent(unwanted), newEvent(wanted)];
      const after = await afterHead(store());
      await store().append(uniqueStream(category), events);

      const received = await whileSubscribed(store(), { after, types: [wanted] }, (iterator) => nextEvents(iterator, 2));

      expect(ids(received)).toEqual(ids([events[1]!, events[3]!]));
    });

    it("from 'end' delivers only events appended after subscribing", async () => {
      const category = uniqueCategory();
      const stream = uniqueStream(category);
      await store().append(stream, newEvents(2));
      const later = newEvents(2);

      const received = await whileSubscribed(store(), { after: 'end', categories: [category] }, async (iterator) => {
        await store().append(stream, later);
        return nextEvents(iterator, 2);
      });

      expect(ids(received)).toEqual(ids(later));
    });

    it('ends a pending iteration when closed', async () => {
      const subscription = store().subscribe({ after: 'end', categories: [uniqueCategory()] });
      const pending = subscription[Symbol.asyncIterator]().next();

      await subscription.close();

      expect(await pending).toMatchObject({ done: true });
    });
  });
}

async function whileSubscribed<T>(
  store: EventStore,
  options: SubscribeOptions,
  use: (iterator: AsyncIterator<RecordedEvent>) => Promise<T>,
): Promise<T> {
  const subscription = store.subscribe(options);
  try {
    return await use(subscription[Symbol.asyncIterator]());
  } finally {
    await subscription.close();
  }
}

async function appendOneByOne(store: EventStore, stream: string, events: readonly NewEvent[]): Promise<void> {
  for (const event of events) await store.append(stream, [event]);
}
