import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../core/errors';
import { collect } from '../core/event-store.port';
import { ids, newEvent, newEvents, type StoreProvider, uniqueStream } from './event-store-contract.fixtures';

/** Expected-revision modes and idempotent re-appends. */
export function appendContract(store: StoreProvider): void {
  describe('append with an expected revision', () => {
    it('starts a stream at revision 0n when no stream is expected', async () => {
      const stream = uniqueStream();

      const result = await store().append(stream, newEvents(2), 'no_stream');

      expect(result.nextExpectedRevision).toBe(1n);
      expect(typeof result.position).toBe('bigint');
      expect((await collect(store().readStream(stream))).map((event) => event.revision)).toEqual([0n, 1n]);
    });

    it('rejects no_stream on an existing stream, reporting its revision', async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(1), 'no_stream');

      const appending = store().append(stream, newEvents(1), 'no_stream');

      await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(appending).rejects.toMatchObject({ code: 'stream.wrong_expected_revision', stream, actual: 0n });
    });

    it('appends to an existing stream when stream_exists is expected', async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(1), 'no_stream');

      const result = await store().append(stream, newEvents(1), 'stream_exists');

      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('rejects stream_exists on a missing stream, reporting no_stream', async () => {
      const stream = uniqueStream();

      const appending = store().append(stream, newEvents(1), 'stream_exists');

      await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(appending).rejects.toMatchObject({ stream, actual: 'no_stream' });
    });

    it('appends when the expected revision is the last revision', async () => {
      const stream = uniqueStream();
      const first = await store().append(stream, newEvents(3), 'no_stream');

      const result = await store().append(stream, newEvents(2), first.nextExpectedRevision);

      expect(first.nextExpectedRevision).toBe(2n);
      expect(result.nextExpectedRevision).toBe(4n);
      expect(result.position > first.position).toBe(true);
    });

    it('rejects a stale expected revision, reporting the actual one', async () => {
      const stream = uniqueStream();
      await store().append(stream, newEvents(3), 'no_stream');

      const appending = store().append(stream, newEvents(1), 1n);

      await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(appending).rejects.toMatchObject({ stream, expected: '1', actual: 2n });
    });

    it('rejects an expected revision on a missing stream, reporting no_stream', async () => {
      const stream = uniqueStream();

      const appending = store().append(stream, newEvents(1), 0n);

      await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(appending).rejects.toMatchObject({ actual: 'no_stream' });
    });

    it('appends with any whether or not the stream exists, and any is the default', async () => {
      const stream = uniqueStream();

      const created = await store().append(stream, newEvents(1), 'any');
      const extended = await store().append(stream, newEvents(1));

      expect(created.nextExpectedRevision).toBe(0n);
      expect(extended.nextExpectedRevision).toBe(1n);
    });

    it('stores nothing from a rejected append', async () => {
      const stream = uniqueStream();
      const stored = newEvents(2);
      await store().append(stream, stored, 'no_stream');

      await expect(store().append(stream, newEvents(3), 0n)).rejects.toBeInstanceOf(ConcurrencyError);

      expect(ids(await collect(store().readStream(stream)))).toEqual(ids(stored));
    });

    it('returns the position of the last appended event', async () => {
      const stream = uniqueStream();

      const result = await store().append(stream, newEvents(3), 'no_stream');

      const stored = await collect(store().readStream(stream));
      expect(stored.at(-1)!.position).toBe(result.position);
      expect((await store().headPosition())! >= result.position).toBe(true);
    });
  });

  describe('idempotent re-append', () => {
    it.each([
      ['no_stream', () => 'no_stream' as const],
      ['an exact revision', () => 0n],
      ['any', () => 'any' as const],
    ])('stores nothing and returns the original result when the same events are re-appended with %s', async (_, expected) => {
      const stream = uniqueStream();
      const isExact = typeof expected() === 'bigint';
      if (isExact) await store().append(stream, newEvents(1), 'no_stream');
      const events = newEvents(3);
      const original = await store().append(stream, events, expected());

      const retried = await store().append(stream, events, expected());

      expect(retried).toEqual(original);
      expect(ids(await collect(store().readStream(stream)))).toHaveLength(isExact ? 4 : 3);
    });

    it('recognises a retried first append after the stream has moved on', async () => {
      const stream = uniqueStream();
      const events = newEvents(2);
      const original = await store().append(stream, events, 'no_stream');
      await store().append(stream, newEvents(2), original.nextExpectedRevision);

      const retried = await store().append(stream, events, 'no_stream');

      expect(retried).toEqual(original);
      expect(await collect(store().readStream(stream))).toHaveLength(4);
    });

    it('rejects stored ids re-appended at another revision with a ConcurrencyError', async () => {
      const stream = uniqueStream();
      const first = newEvent();
      const second = newEvent();
      await store().append(stream, [first, second], 'no_stream');

      const appending = store().append(stream, [second], 'no_stream');

      await expect(appending).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await collect(store().readStream(stream))).toHaveLength(2);
    });
  });
}
