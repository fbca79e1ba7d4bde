import { describe, expect, it } from 'vitest';
import { collect } from '../core/event-store.port';
import { contractMetadata, newEvent, type StoreProvider, uniqueCategory, uniqueStream } from './event-store-contract.fixtures';

/** Mixed scripts, astral emoji, right-to-left text and combining marks, which must not be normalised. */
const unicodeSample = 'Zoë 👩🏽‍💻🚀 שלום עולם مرحبا e\u0301 (e + combining acute) 中文 ﷺ 𝄞';

/** What goes in comes back: large and non-ASCII payloads, and every metadata field. */
export function payloadContract(store: StoreProvider): void {
  describe('payload round-trips', () => {
    it('round-trips a 1 MB (10^6 characters) event', async () => {
      const stream = uniqueStream();
      const blob = Array.from({ length: 10_000 }, (_, index) => `${index.toString(36).padStart(4, '0')}-payload-line-${'x'.repeat(82)}`).join('');
      const event = newEvent('ContractLargeThingHappened', { blob, size: blob.length });

      await store().append(stream, [event], 'no_stream');

      const [read] = await collect(store().readStream(stream));
      expect(read!.data).toEqual(event.data);
    });

    it('round-trips unicode in data and stream ids unchanged', async () => {
      const stream = `${uniqueCategory()}-${unicodeSample}`;
      const event = newEvent('ContractUnicodeArrived', { text: unicodeSample, nested: { [unicodeSample]: [unicodeSample] } });

      await store().append(stream, [event], 'no_stream');

      const [read] = await collect(store().readStream(stream));
      expect(read!.stream).toBe(stream);
      expect(read!.data).toEqual(event.data);
    });

    it('round-trips metadata and stamps recordedAt at append', async () => {
      const stream = uniqueStream();
      const metadata = contractMetadata({
        occurredAt: '2025-12-31T23:59:59.999Z',
        causationId: 'cause-1',
        actor: 'user:Zoë',
        source: { tool: 'stripe', externalId: 'evt_123' },
      });
      const event = { ...newEvent('ContractMetadataCarried'), metadata };
      const before = Date.now();

      await store().append(stream, [event], 'no_stream');

      const after = Date.now();
      const [read] = await collect(store().readStream(stream));
      const { recordedAt, ...supplied } = read!.metadata;
      expect(supplied).toEqual(metadata);
      expect(new Date(recordedAt).toISOString()).toBe(recordedAt);
      expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(before - 60_000);
      expect(Date.parse(recordedAt)).toBeLessThanOrEqual(after + 60_000);
    });

    it('keeps a null causation id and an absent source as they were', async () => {
      const stream = uniqueStream();
      const event = newEvent('ContractMetadataCarried', { value: 1 }, { causationId: null });

      await store().append(stream, [event], 'no_stream');

      const [read] = await collect(store().readStream(stream));
      expect(read!.metadata.causationId).toBeNull();
      expect(read!.metadata).not.toHaveProperty('source');
    });
  });
}
