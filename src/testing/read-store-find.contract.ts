import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors';
import type { DocumentFilter, ReadDocument } from '../core/read-store.port';
import { ids, type ReadStoreTestContext, seed } from './read-store.fixtures';

const invoices: ReadDocument[] = [
  { _id: 'inv-1', status: 'sent', total: 1200, paid: false, issuedAt: '2026-01-05T09:00:00.000Z', client: { name: 'Acme', tier: 'gold' } },
  { _id: 'inv-2', status: 'paid', total: 50, paid: true, issuedAt: '2026-02-10T09:00:00.000Z', client: { name: 'Beta', tier: 'silver' } },
  { _id: 'inv-3', status: 'draft', total: 0, paid: false, issuedAt: '2026-02-28T23:59:59.999Z', client: { name: 'Acme', tier: 'gold' }, note: null },
  { _id: 'inv-4', status: 'sent', total: 99.5, paid: false, issuedAt: '2026-03-01T00:00:00.000Z', client: { name: 'Gamma', tier: 'bronze' } },
  { _id: 'inv-5', status: 'void', total: 1, paid: true, issuedAt: '2025-12-31T23:00:00.000Z', client: { name: 'Beta', tier: 'silver' }, note: 'x' },
  // Same values as others but of another JSON type: typed comparisons must not match them.
  { _id: 'inv-6', status: 'sent', total: '1200', paid: 1, issuedAt: '2026-02-15T00:00:00.000Z', client: { name: 'Delta', tier: 'gold' } },
];

/** Filters: equality, dotted paths, booleans, null, $in, $ne, ranges, and what is refused. */
export function findContract(context: ReadStoreTestContext): void {
  describe('find filters', () => {
    let collection: string;
    const matching = async (filter: DocumentFilter) => ids((await context.store().find(collection, { filter, sort: [['_id', 1]] })).documents);

    beforeEach(async () => {
      collection = await seed(context, invoices);
    });

    it('matches equality on a string', async () => {
      expect(await matching({ status: 'sent' })).toEqual(['inv-1', 'inv-4', 'inv-6']);
    });

    it('matches equality on a number against numbers only', async () => {
      expect(await matching({ total: 1200 })).toEqual(['inv-1']);
    });

    it('matches equality on a dotted path', async () => {
      expect(await matching({ 'client.name': 'Acme' })).toEqual(['inv-1', 'inv-3']);
    });

    it('matches booleans as booleans, not as 0 and 1', async () => {
      expect(await matching({ paid: true })).toEqual(['inv-2', 'inv-5']);
      expect(await matching({ paid: false })).toEqual(['inv-1', 'inv-3', 'inv-4']);
    });

    it('matches null against null and missing fields', async () => {
      expect(await matching({ note: null })).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', 'inv-6']);
      expect(await matching({ note: { $ne: null } })).toEqual(['inv-5']);
    });

    it('matches $in over strings, booleans and nothing', async () => {
      expect(await matching({ status: { $in: ['paid', 'void', 'unknown'] } })).toEqual(['inv-2', 'inv-5']);
      expect(await matching({ paid: { $in: [true, 1200] } })).toEqual(['inv-2', 'inv-5']);
      expect(await matching({ total: { $in: [0, 50, '1200'] } })).toEqual(['inv-2', 'inv-3', 'inv-6']);
      expect(await matching({ status: { $in: [] } })).toEqual([]);
    });

    it('matches $ne, including documents without the field', async () => {
      expect(await matching({ status: { $ne: 'sent' } })).toEqual(['inv-2', 'inv-3', 'inv-5']);
      expect(await matching({ paid: { $ne: true } })).toEqual(['inv-1', 'inv-3', 'inv-4', 'inv-6']);
    });

    it('matches a numeric range against numbers only', async () => {
      expect(await matching({ total: { $gt: 50, $lte: 1200 } })).toEqual(['inv-1', 'inv-4']);
      expect(await matching({ total: { $gte: 0, $lt: 1 } })).toEqual(['inv-3']);
    });

    it('matches a range of ISO date strings', async () => {
      expect(await matching({ issuedAt: { $gte: '2026-02-01T00:00:00.000Z', $lt: '2026-03-01T00:00:00.000Z' } })).toEqual(['inv-2', 'inv-3', 'inv-6']);
    });

    it('matches every condition of a combined filter', async () => {
      expect(await matching({ status: 'sent', 'client.tier': 'gold' })).toEqual(['inv-1', 'inv-6']);
      expect(await matching({ status: 'sent', 'client.tier': 'gold', total: { $gte: 100 } })).toEqual(['inv-1']);
    });

    it('filters on _id', async () => {
      expect(await matching({ _id: 'inv-2' })).toEqual(['inv-2']);
      expect(await matching({ _id: { $in: ['inv-1', 'inv-9'] } })).toEqual(['inv-1']);
      expect(await matching({ _id: { $gt: 'inv-4' } })).toEqual(['inv-5', 'inv-6']);
    });

    it('matches strings literally, never as operators or as the JSON of an object', async () => {
      expect(await matching({ status: '{"$gt":""}' })).toEqual([]);
      expect(await matching({ status: '$ne' })).toEqual([]);
      expect(await matching({ client: '{"name":"Acme","tier":"gold"}' })).toEqual([]);
    });

    it('rejects operator injection instead of widening the match', async () => {
      const injections = [
        { status: { $regex: '.*' } },
        { status: { $where: 'true' } },
        { status: { $ne: { $gt: '' } } },
        { status: { $in: [{ $gt: '' }] } },
        { status: { $gt: '', $exists: true } },
        { status: { $eq: { $gt: '' } } },
        { $or: [{ status: 'sent' }, { status: { $ne: 'sent' } }] },
        { $where: 'true' },
        { status: { $in: 'sent' } },
      ] as unknown as DocumentFilter[];
      for (const filter of injections) {
        await expect(matching(filter), JSON.stringify(filter)).rejects.toBeInstanceOf(ValidationError);
      }
    });

    it('rejects equality on an object instead of guessing how to compare it', async () => {
      await expect(matching({ client: { name: 'Acme', tier: 'gold' } })).rejects.toBeInstanceOf(ValidationError);
    });

    it('rejects an undefined value instead of matching everything', async () => {
      await expect(matching({ status: undefined } as unknown as DocumentFilter)).rejects.toBeInstanceOf(ValidationError);
    });

    it('rejects field paths that are not dotted identifiers', async () => {
      const paths = ['', 'a..b', '1st', 'a.$gt', '$where', "status') OR 1=1 --", 'client["name"]', 'a b', 'tags.0', '_position', '_deleted'];
      for (const path of paths) {
        await expect(matching({ [path]: 'x' }), path).rejects.toMatchObject({ code: 'read_store.invalid_field_path' });
        await expect(context.store().find(collection, { sort: [[path, 1]] }), path).rejects.toBeInstanceOf(ValidationError);
      }
    });
  });
}
