import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors';
import type { FindQuery, Json, ReadDocument } from '../core/read-store.port';
import { ids, type ReadStoreTestContext, seed } from './read-store.fixtures';

const names = ['Émile', 'anna', 'Bob', 'Anna', 'Zoë'];

/** 25 documents with many ties; every sixth one has no due date. */
const tasks: ReadDocument[] = Array.from({ length: 25 }, (_, i) => ({
  _id: `task-${String((i * 7) % 25).padStart(2, '0')}`,
  rank: i % 4,
  owner: { name: names[i % 5]! },
  ...(i % 6 === 0 ? {} : { dueAt: `2026-04-${String(1 + (i % 9)).padStart(2, '0')}T09:00:00.000Z` }),
}));

type Sort = NonNullable<FindQuery['sort']>;

/** Sorts as the port defines: null and missing lowest, strings by code point, `_id` ascending last. */
function expectedOrder(documents: readonly ReadDocument[], sort: Sort): string[] {
  const value = (document: ReadDocument, path: string): Json | undefined =>
    path.split('.').reduce<Json | undefined>((current, key) => (current as Record<string, Json> | undefined)?.[key], document as unknown as Json);
  const compare = (a: Json | undefined, b: Json | undefined): number => {
    if (a === b) return 0;
    if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
    if (b === undefined || b === null) return 1;
    return a < b ? -1 : 1;
  };
  const keys: Sort = sort.some(([path]) => path === '_id') ? sort : [...sort, ['_id', 1]];
  const sorted = [...documents].sort((a, b) => {
    for (const [path, direction] of keys) {
      const order = compare(value(a, path), value(b, path)) * direction;
      if (order !== 0) return order;
    }
    return 0;
  });
  return ids(sorted);
}

/** Sort, limit and keyset cursors. */
export function pagingContract(context: ReadStoreTestContext): void {
  describe('find sort and paging', () => {
    let collection: string;
    const find = (query: FindQuery) => context.store().find(collection, query);
    const pages = async (query: FindQuery, limit: number): Promise<string[][]> => {
      const result: string[][] = [];
      let after: string | undefined;
      do {
        const page = await find({ ...query, limit, after });
        result.push(ids(page.documents));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined && result.length <= tasks.length);
      return result;
    };

    beforeEach(async () => {
      collection = await seed(context, tasks);
    });

    it('returns every document matching when there is no limit', async () => {
      const result = await find({});

      expect(result.documents).toHaveLength(25);
      expect(result.nextCursor).toBeNull();
    });

    it('sorts ascending with _id breaking ties', async () => {
      expect(ids((await find({ sort: [['rank', 1]] })).documents)).toEqual(expectedOrder(tasks, [['rank', 1]]));
    });

    it('sorts on several fields in mixed directions, including a dotted path', async () => {
      const sort: Sort = [['owner.name', -1], ['rank', 1]];
      expect(ids((await find({ sort })).documents)).toEqual(expectedOrder(tasks, sort));
    });

    it('sorts missing values first ascending and last descending', async () => {
      const ascending = ids((await find({ sort: [['dueAt', 1]] })).documents);
      const descending = ids((await find({ sort: [['dueAt', -1]] })).documents);

      expect(ascending).toEqual(expectedOrder(tasks, [['dueAt', 1]]));
      expect(descending).toEqual(expectedOrder(tasks, [['dueAt', -1]]));
      expect(ascending.slice(0, 5).every((id) => tasks.find((task) => task._id === id)?.dueAt === undefined)).toBe(true);
    });

    it('returns the first page and a cursor when more documents follow', async () => {
      const page = await find({ sort: [['rank', 1]], limit: 4 });

      expect(ids(page.documents)).toEqual(expectedOrder(tasks, [['rank', 1]]).slice(0, 4));
      expect(typeof page.nextCursor).toBe('string');
    });

    const sorts: Sort[] = [[['rank', 1]], [['rank', -1], ['owner.name', 1]], [['dueAt', 1]], [['dueAt', -1], ['rank', -1]], [['_id', -1]], []];
    for (const sort of sorts) {
      it(`pages through every document exactly once in order, sorted by ${JSON.stringify(sort)}`, async () => {
        const visited = await pages({ sort }, 4);

        expect(visited.flat()).toEqual(expectedOrder(tasks, sort));
        expect(visited).toHaveLength(7);
      });
    }

    it('pages through a filtered query with the same filter on every page', async () => {
      const filter = { rank: { $in: [1, 3] } };
      const visited = await pages({ filter, sort: [['owner.name', 1]] }, 3);
      const matching = tasks.filter((task) => task.rank === 1 || task.rank === 3);

      expect(visited.flat()).toEqual(expectedOrder(matching, [['owner.name', 1]]));
    });

    it('ends on a full last page without an extra empty page', async () => {
      const visited = await pages({ sort: [['rank', 1]] }, 5);

      expect(visited.map((page) => page.length)).toEqual([5, 5, 5, 5, 5]);
    });

    it('gives every document a cursor that resumes right after it, the last one being the next page’s', async () => {
      const sort: Sort = [['dueAt', -1], ['rank', -1]];
      const page = await find({ sort, limit: 6 });
      const order = expectedOrder(tasks, sort);

      expect(page.cursors).toHaveLength(6);
      expect(page.cursors!.at(-1)).toBe(page.nextCursor);
      const resumed = await find({ sort, limit: 3, after: page.cursors![2]! });
      expect(ids(resumed.documents)).toEqual(order.slice(3, 6));
      const lastPage = await find({ sort, after: page.nextCursor! });
      expect(lastPage.cursors).toHaveLength(lastPage.documents.length);
    });

    it('rejects a cursor issued for another sort', async () => {
      const { nextCursor } = await find({ sort: [['rank', 1]], limit: 3 });

      await expect(find({ sort: [['rank', -1]], limit: 3, after: nextCursor! })).rejects.toMatchObject({ code: 'read_store.invalid_cursor' });
    });

    it('rejects a cursor that is not one', async () => {
      for (const after of ['', 'not-a-cursor', Buffer.from('{"k":["_id:1"],"v":[{"$gt":""}]}').toString('base64url')]) {
        await expect(find({ limit: 3, after }), after).rejects.toMatchObject({ code: 'read_store.invalid_cursor' });
      }
    });

    it('rejects a limit that is not a positive integer', async () => {
      for (const limit of [0, -1, 1.5, Number.NaN]) {
        await expect(find({ limit }), String(limit)).rejects.toBeInstanceOf(ValidationError);
      }
    });
  });
}
