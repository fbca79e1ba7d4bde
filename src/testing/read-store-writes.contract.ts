import { describe, expect, it } from 'vitest';
import { FencedError, ValidationError } from '../core/errors';
import type { DocumentWrite, ProjectionCheckpoint } from '../core/read-store.port';
import { checkpointOf, put, type ReadStoreTestContext, remove } from './read-store.fixtures';

/** commit, getMany, the position guard and checkpoints. */
export function writesContract(context: ReadStoreTestContext): void {
  const commit = async (collection: string, writes: DocumentWrite[], position = 100n) =>
    context.store().commit(collection, writes, checkpointOf(context.projection(), collection, position));
  const stored = async (collection: string, id: string) => (await context.store().getMany(collection, [id])).get(id);

  describe('commit and getMany', () => {
    it('returns committed documents with their positions and leaves missing ids out', async () => {
      const collection = context.collection();
      await commit(collection, [put('inv-1', 3, { total: 1200 }), put('inv-2', 4, { total: 50 })]);

      const found = await context.store().getMany(collection, ['inv-1', 'inv-2', 'inv-missing']);

      expect([...found.keys()].sort()).toEqual(['inv-1', 'inv-2']);
      expect(found.get('inv-1')).toEqual({ document: { _id: 'inv-1', total: 1200 }, position: 3n });
    });

    it('returns nothing from a collection that was never written', async () => {
      const collection = context.collection();
      expect((await context.store().getMany(collection, ['a'])).size).toBe(0);
      expect(await context.store().find(collection)).toEqual({ documents: [], nextCursor: null });
    });

    it('round-trips arrays of arrays, as period buckets hold them', async () => {
      const collection = context.collection();
      const document = { _id: 'w-1', sums: [[1000, 5_000_000, 50_000, 1], []], rows: [{ cells: [[1], [2, 3]] }] };
      await commit(collection, [{ id: 'w-1', position: 1n, document }]);

      expect((await stored(collection, 'w-1'))?.document).toEqual(document);
      expect((await context.store().find(collection)).documents).toEqual([document]);
    });

    it('round-trips unicode, quotes and SQL-looking text in ids and values', async () => {
      const collection = context.collection();
      const id = `client-é中文-🚀-'";--`;
      const fields = { name: 'Zoë 🇦🇺 «Ops» 中文 עברית', note: `it's "quoted" \\ back\nslash'); DROP TABLE x;--`, nested: { emoji: '👩‍💻' } };
      await commit(collection, [put(id, 1, fields)]);

      expect((await stored(collection, id))?.document).toEqual({ _id: id, ...fields });
      expect((await context.store().find(collection, { filter: { name: fields.name } })).documents).toHaveLength(1);
    });

    it('replaces the whole document, so fields left out of a newer write disappear', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 1, { status: 'draft', note: 'x' })]);
      await commit(collection, [put('a', 2, { status: 'sent' })]);

      expect(await stored(collection, 'a')).toEqual({ document: { _id: 'a', status: 'sent' }, position: 2n });
    });

    it('commits a batch of 5,000 writes', async () => {
      const collection = context.collection();
      const writes = Array.from({ length: 5_000 }, (_, i) => put(`doc-${i}`, i + 1, { index: i, label: `label ${i}`, even: i % 2 === 0 }));
      await commit(collection, writes, 5_000n);

      expect((await context.store().find(collection)).documents).toHaveLength(5_000);
      expect((await stored(collection, 'doc-4999'))?.position).toBe(5_000n);
    });

    it('rejects a write whose document _id differs from its id, and writes nothing of the batch', async () => {
      const collection = context.collection();
      const mismatched: DocumentWrite = { id: 'b', position: 2n, document: { _id: 'other' } };

      await expect(commit(collection, [put('a', 1), mismatched])).rejects.toBeInstanceOf(ValidationError);
      expect((await context.store().getMany(collection, ['a', 'b'])).size).toBe(0);
    });

    it('rejects a collection name that is not an identifier', async () => {
      for (const name of ['', '_checkpoints', 'a-b', 'a.b', 'x"; DROP TABLE y; --', '$cmd', 'système']) {
        await expect(commit(name, [put('a', 1)]), name).rejects.toMatchObject({ code: 'read_store.invalid_collection' });
      }
    });
  });

  describe('position guard', () => {
    it('ignores a write older than the stored document', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 5, { v: 'new' })]);
      await commit(collection, [put('a', 4, { v: 'old' })]);

      expect(await stored(collection, 'a')).toEqual({ document: { _id: 'a', v: 'new' }, position: 5n });
    });

    it('ignores a write at the same position as the stored document', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 5, { v: 'first' })]);
      await commit(collection, [put('a', 5, { v: 'second' })]);

      expect((await stored(collection, 'a'))?.document).toEqual({ _id: 'a', v: 'first' });
    });

    it('applies a write newer than the stored document', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 5, { v: 'old' })]);
      await commit(collection, [put('a', 9, { v: 'new' })]);

      expect(await stored(collection, 'a')).toEqual({ document: { _id: 'a', v: 'new' }, position: 9n });
    });

    it('deletes with a newer delete, and the document leaves getMany and find', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 1), put('b', 2)]);
      await commit(collection, [remove('a', 3)]);

      expect(await stored(collection, 'a')).toBeUndefined();
      expect((await context.store().find(collection)).documents).toEqual([{ _id: 'b' }]);
    });

    it('ignores a delete older than the stored document', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 5, { v: 1 })]);
      await commit(collection, [remove('a', 4)]);

      expect((await stored(collection, 'a'))?.position).toBe(5n);
    });

    it('does not resurrect a deleted document with an older write', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 1, { v: 1 })]);
      await commit(collection, [remove('a', 5)]);
      await commit(collection, [put('a', 3, { v: 3 })]);

      expect(await stored(collection, 'a')).toBeUndefined();
      expect((await context.store().find(collection)).documents).toEqual([]);
    });

    it('recreates a deleted document with a newer write', async () => {
      const collection = context.collection();
      await commit(collection, [remove('a', 5)]);
      await commit(collection, [put('a', 6, { v: 6 })]);

      expect(await stored(collection, 'a')).toEqual({ document: { _id: 'a', v: 6 }, position: 6n });
    });

    it('changes nothing when the same batch is replayed', async () => {
      const collection = context.collection();
      const batch = [put('a', 1, { v: 1 }), put('b', 2, { v: 2 }), remove('c', 3), put('a', 4, { v: 4 })];
      await commit(collection, batch);
      const before = await context.store().getMany(collection, ['a', 'b', 'c']);
      await commit(collection, batch);

      expect(await context.store().getMany(collection, ['a', 'b', 'c'])).toEqual(before);
      expect(before.get('a')).toEqual({ document: { _id: 'a', v: 4 }, position: 4n });
    });

    it('keeps the newest write when a batch holds several writes of one document in any order', async () => {
      const collection = context.collection();
      await commit(collection, [put('a', 7, { v: 7 }), put('a', 2, { v: 2 }), put('a', 5, { v: 5 })]);

      expect(await stored(collection, 'a')).toEqual({ document: { _id: 'a', v: 7 }, position: 7n });
    });

    it('guards every write of a batch of many, older, newer, repeated and deleting ones mixed', async () => {
      // Given forty documents stored at position 10
      const collection = context.collection();
      const name = (index: number) => `doc-${index}`;
      await commit(collection, Array.from({ length: 40 }, (_, index) => put(name(index), 10, { v: 'stored' })));

      // When a batch writes them all again, even ones older and odd ones newer, then repeats and deletes some
      const again = Array.from({ length: 40 }, (_, index) => put(name(index), index % 2 === 0 ? 5 : 20, { v: index % 2 === 0 ? 'older' : 'newer' }));
      await commit(collection, [...again, put(name(1), 30, { v: 'newest' }), put(name(1), 25, { v: 'late' }), remove(name(3), 40), remove(name(4), 9)]);

      // Then only the newer writes landed, the newest of a repeated one, and only the newer delete
      const found = await context.store().getMany(collection, Array.from({ length: 40 }, (_, index) => name(index)));
      expect(found.get(name(0))).toEqual({ document: { _id: name(0), v: 'stored' }, position: 10n });
      expect(found.get(name(1))).toEqual({ document: { _id: name(1), v: 'newest' }, position: 30n });
      expect(found.get(name(3))).toBeUndefined();
      expect(found.get(name(4))?.document.v).toBe('stored');
      expect(found.get(name(39))).toEqual({ document: { _id: name(39), v: 'newer' }, position: 20n });
      expect([...found.values()].filter((entry) => entry.document.v === 'older')).toEqual([]);
      expect(found.size).toBe(39);
    });
  });

  describe('checkpoints', () => {
    const failure = { eventId: 'e-9', eventType: 'InvoicePaid', position: '9', error: 'boom', failedAt: '2026-03-01T10:00:00.000Z' };

    it('saves the checkpoint with the batch', async () => {
      const collection = context.collection();
      const checkpoint: ProjectionCheckpoint = { ...checkpointOf(context.projection(), collection, 9_007_199_254_740_993n), version: 3 };
      await context.store().commit(collection, [put('a', 1)], checkpoint);

      expect(await context.store().checkpoint(checkpoint.projection)).toEqual(checkpoint);
    });

    it('saves a checkpoint of an empty batch', async () => {
      const collection = context.collection();
      const checkpoint = checkpointOf(context.projection(), collection, 12n);
      await context.store().commit(collection, [], checkpoint);

      expect(await context.store().checkpoint(checkpoint.projection)).toEqual(checkpoint);
    });

    it('replaces, lists and deletes checkpoints, keeping a failure and a null position', async () => {
      const [first, second] = [context.projection(), context.projection()];
      await context.store().saveCheckpoint(checkpointOf(first, 'c1', 1n));
      await context.store().saveCheckpoint({ ...checkpointOf(first, 'c2', null), failure, version: 2 });
      await context.store().saveCheckpoint(checkpointOf(second, 'c3', 5n));

      expect(await context.store().checkpoint(first)).toEqual({ ...checkpointOf(first, 'c2', null), failure, version: 2 });
      const listed = (await context.store().checkpoints()).filter((c) => c.projection === first || c.projection === second);
      expect(listed.map((c) => c.projection).sort()).toEqual([first, second].sort());

      await context.store().deleteCheckpoint(first);
      expect(await context.store().checkpoint(first)).toBeNull();
      expect(await context.store().checkpoint(second)).toEqual(checkpointOf(second, 'c3', 5n));
    });

    it('returns null for a projection that never saved a checkpoint', async () => {
      expect(await context.store().checkpoint(context.projection())).toBeNull();
    });
  });

  describe('fencing', () => {
    it('refuses a commit under a lower fencing token than the stored one, writing none of its documents', async () => {
      // Given a checkpoint committed by the holder of lease token 2
      const collection = context.collection();
      const projection = context.projection();
      await context.store().commit(collection, [put('a', 1, { by: 'new holder' })], { ...checkpointOf(projection, collection, 1n), fence: 2 });

      // When the former holder, with token 1, commits a batch
      const stale = context.store().commit(collection, [put('a', 5, { by: 'stale holder' }), put('b', 5)], { ...checkpointOf(projection, collection, 5n), fence: 1 });

      // Then it is refused and nothing of it is visible
      await expect(stale).rejects.toMatchObject({ kind: 'conflict', code: 'read_store.fenced' });
      expect(await stored(collection, 'a')).toEqual({ document: { _id: 'a', by: 'new holder' }, position: 1n });
      expect(await stored(collection, 'b')).toBeUndefined();
      expect(await context.store().checkpoint(projection)).toEqual({ ...checkpointOf(projection, collection, 1n), fence: 2 });
    });

    it('refuses a saved checkpoint under a lower fencing token, and keeps the highest token seen', async () => {
      const projection = context.projection();
      await context.store().saveCheckpoint({ ...checkpointOf(projection, 'c1', 3n), fence: 4 });
      await expect(context.store().saveCheckpoint({ ...checkpointOf(projection, 'c1', 9n), fence: 3 })).rejects.toBeInstanceOf(FencedError);
      await context.store().saveCheckpoint({ ...checkpointOf(projection, 'c1', 7n), fence: 5 });
      await context.store().saveCheckpoint(checkpointOf(projection, 'c1', 8n));

      expect(await context.store().checkpoint(projection)).toEqual({ ...checkpointOf(projection, 'c1', 8n), fence: 5 });
    });
  });
}
