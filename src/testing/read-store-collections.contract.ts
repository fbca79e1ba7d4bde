import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../core/errors';
import { checkpointOf, ids, put, type ReadStoreTestContext } from './read-store.fixtures';

/** Indexes, drop, rename and listing. */
export function collectionsContract(context: ReadStoreTestContext): void {
  describe('collections', () => {
    const fill = async (collection: string, documentIds: string[]) =>
      context.store().commit(
        collection,
        documentIds.map((id, index) => put(id, index + 1, { status: index % 2 === 0 ? 'open' : 'closed', client: { name: id } })),
        checkpointOf(context.projection(), collection, BigInt(documentIds.length)),
      );
    const all = async (collection: string) => ids((await context.store().find(collection, { sort: [['_id', 1]] })).documents);

    it('ensures indexes idempotently and still answers queries', async () => {
      const collection = context.collection();
      await fill(collection, ['a', 'b', 'c']);
      const indexes = [
        { name: 'byStatus', fields: ['status'] },
        { name: 'byClientAndStatus', fields: ['client.name', 'status'] },
      ];

      await context.store().ensureIndexes(collection, indexes);
      await context.store().ensureIndexes(collection, indexes);

      expect(ids((await context.store().find(collection, { filter: { status: 'open' }, sort: [['_id', 1]] })).documents)).toEqual(['a', 'c']);
    });

    it('ensures indexes on a collection before it has documents', async () => {
      const collection = context.collection();
      await context.store().ensureIndexes(collection, [{ name: 'byStatus', fields: ['status'] }]);
      await fill(collection, ['a']);

      expect(await all(collection)).toEqual(['a']);
    });

    it('rejects an index on a field path that is not a dotted identifier', async () => {
      const collection = context.collection();
      await expect(context.store().ensureIndexes(collection, [{ name: 'bad', fields: ["status'); DROP TABLE x; --"] }])).rejects.toBeInstanceOf(ValidationError);
      await expect(context.store().ensureIndexes(collection, [{ name: 'bad name', fields: ['status'] }])).rejects.toBeInstanceOf(ValidationError);
    });

    it('lists collections with documents but not the checkpoints', async () => {
      const [first, second] = [context.collection(), context.collection()];
      await fill(first, ['a']);
      await fill(second, ['b']);

      const listed = await context.store().listCollections();

      expect(listed).toEqual(expect.arrayContaining([first, second]));
      expect(listed).not.toContain('_checkpoints');
    });

    it('drops a collection with its documents, and dropping a missing one is harmless', async () => {
      const collection = context.collection();
      await fill(collection, ['a', 'b']);

      await context.store().dropCollection(collection);
      await context.store().dropCollection(collection);

      expect(await context.store().listCollections()).not.toContain(collection);
      expect((await context.store().getMany(collection, ['a'])).size).toBe(0);
    });

    it('renames a collection over an existing one, replacing its documents', async () => {
      const [rebuilt, live] = [context.collection(), context.collection()];
      await fill(live, ['old-1', 'old-2']);
      await fill(rebuilt, ['new-1', 'new-2', 'new-3']);
      await context.store().ensureIndexes(rebuilt, [{ name: 'byStatus', fields: ['status'] }]);

      await context.store().renameCollection(rebuilt, live);

      expect(await all(live)).toEqual(['new-1', 'new-2', 'new-3']);
      expect(await context.store().listCollections()).not.toContain(rebuilt);
      expect((await context.store().getMany(rebuilt, ['new-1'])).size).toBe(0);
    });

    it('keeps indexes working under the new name after a rename', async () => {
      const [rebuilt, live] = [context.collection(), context.collection()];
      const indexes = [{ name: 'byStatus', fields: ['status'] }];
      await fill(rebuilt, ['a', 'b', 'c']);
      await context.store().ensureIndexes(rebuilt, indexes);
      await context.store().renameCollection(rebuilt, live);

      await context.store().ensureIndexes(live, indexes);
      await context.store().ensureIndexes(rebuilt, indexes);
      await fill(live, ['d']);

      expect(ids((await context.store().find(live, { filter: { status: 'open' }, sort: [['_id', 1]] })).documents)).toEqual(['a', 'c', 'd']);
      expect(await all(rebuilt)).toEqual([]);
    });

    it('renames a collection to a name that does not exist yet', async () => {
      const [from, to] = [context.collection(), context.collection()];
      await fill(from, ['a']);

      await context.store().renameCollection(from, to);

      expect(await all(to)).toEqual(['a']);
      expect(await context.store().listCollections()).not.toContain(from);
    });

    it('refuses to rename a collection that does not exist', async () => {
      const [from, to] = [context.collection(), context.collection()];
      await fill(to, ['kept']);

      await expect(context.store().renameCollection(from, to)).rejects.toBeInstanceOf(NotFoundError);
      expect(await all(to)).toEqual(['kept']);
    });
  });
}
