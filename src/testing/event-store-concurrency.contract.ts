import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../core/errors';
import { type AppendResult, collect } from '../core/event-store.port';
import { ids, newEvents, type StoreProvider, uniqueStream } from './event-store-contract.fixtures';

const appenders = 50;

/** Many writers on one stream: optimistic concurrency holds and nothing is lost or doubled. */
export function concurrencyContract(store: StoreProvider): void {
  describe('concurrent appenders on one stream', () => {
    it(`loses and duplicates nothing when ${appenders} appenders expect any`, async () => {
      const stream = uniqueStream();
      const events = newEvents(appenders);

      const results = await Promise.all(events.map((event) => store().append(stream, [event], 'any')));

      const read = await collect(store().readStream(stream));
      expect(read).toHaveLength(appenders);
      expect(new Set(ids(read))).toEqual(new Set(ids(events)));
      expect(read.map((event) => event.revision)).toEqual(Array.from({ length: appenders }, (_, index) => BigInt(index)));
      expect(new Set(results.map((result) => result.nextExpectedRevision)).size).toBe(appenders);
    });

    it(`lets exactly one of ${appenders} appenders win each expected revision, the others get a ConcurrencyError`, async () => {
      const stream = uniqueStream();
      let revision = (await store().append(stream, newEvents(1), 'no_stream')).nextExpectedRevision;

      for (let round = 1; round <= 3; round++) {
        const expected = revision;
        const outcomes = await Promise.allSettled(Array.from({ length: appenders }, () => store().append(stream, newEvents(1), expected)));

        const winners = outcomes.filter((outcome): outcome is PromiseFulfilledResult<AppendResult> => outcome.status === 'fulfilled');
        const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(winners).toHaveLength(1);
        expect(losers.filter((loser) => loser.reason instanceof ConcurrencyError)).toHaveLength(appenders - 1);
        revision = winners[0]!.value.nextExpectedRevision;
        expect(revision).toBe(BigInt(round));
      }
      expect(await collect(store().readStream(stream))).toHaveLength(4);
    });
  });
}
