import { type BulkWriteResult, Long, MongoBulkWriteError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors';
import type { DocumentFilter, DocumentWrite, FindQuery, Json } from '../../core/read-store.port';
import { parseFindQuery } from '../shared/read-query';
import { decodeCursor, encodeCursor } from '../shared/read-store-cursor';
import { liveOnly, mongoFind, sortValues } from './mongodb-document-filter';
import { duplicateInserts, fromStored, planWrites } from './mongodb-document-writes';

const translate = (query: FindQuery) => mongoFind(parseFindQuery(query));
const allowedOperators = new Set(['$and', '$or', '$eq', '$ne', '$in', '$gt', '$gte', '$lt', '$lte']);

function operatorsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(operatorsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, nested]) => [...(key.startsWith('$') ? [key] : []), ...operatorsIn(nested)]);
}

describe('MongoDB filter translation', () => {
  it('spells equality as $eq, so a string that looks like an operator stays a value', () => {
    expect(translate({ filter: { status: '$gt', 'client.name': 'Acme' } }).filter).toEqual({
      $and: [liveOnly, { status: { $eq: '$gt' } }, { 'client.name': { $eq: 'Acme' } }],
    });
  });

  it('maps $in, $ne and ranges to their MongoDB namesakes', () => {
    const { filter } = translate({ filter: { status: { $in: ['sent', 'paid'] }, paid: { $ne: true }, total: { $gte: 10, $lt: 99.5 } } });

    expect(filter).toEqual({
      $and: [liveOnly, { status: { $in: ['sent', 'paid'] } }, { paid: { $ne: true } }, { total: { $gte: 10, $lt: 99.5 } }],
    });
  });

  it('hides tombstones even without a filter', () => {
    expect(translate({}).filter).toEqual({ $and: [liveOnly] });
  });

  it('rejects operator injection before anything reaches the driver', () => {
    const injections = [
      { status: { $regex: '.*' } },
      { status: { $where: 'sleep(1000)' } },
      { status: { $ne: { $gt: '' } } },
      { status: { $in: [{ $gt: '' }] } },
      { status: { $gt: '', $expr: {} } },
      { $or: [{ a: 1 }] },
      { 'a.$where': 1 },
      { status: { nested: { $gt: '' } } },
    ] as unknown as DocumentFilter[];
    for (const filter of injections) expect(() => translate({ filter }), JSON.stringify(filter)).toThrow(ValidationError);
  });

  it('emits only the operators of the port, whatever values a filter holds', () => {
    const { filter } = translate({
      filter: { a: '$where', b: { $in: ['$expr', null, true, 3] }, c: { $ne: '{"$gt":""}' }, d: { $gt: '$lt' } },
      after: encodeCursor(parseFindQuery({ sort: [['a', 1]] }).sort, ['$where', 'x']),
      sort: [['a', 1]],
    });

    expect(operatorsIn(filter).every((operator) => allowedOperators.has(operator))).toBe(true);
  });

  it('sorts by the given keys then _id ascending, and fetches one more than the limit', () => {
    expect(translate({ sort: [['rank', -1], ['client.name', 1]], limit: 10 })).toMatchObject({
      sort: [['rank', -1], ['client.name', 1], ['_id', 1]],
      fetch: 11,
    });
    expect(translate({ sort: [['_id', -1]] })).toMatchObject({ sort: [['_id', -1]], fetch: null });
  });

  it('continues after a cursor with one branch per sort key', () => {
    const sort = parseFindQuery({ sort: [['rank', 1], ['dueAt', -1]] }).sort;
    const { filter } = translate({ sort: [['rank', 1], ['dueAt', -1]], after: encodeCursor(sort, [2, '2026-04-01', 'task-07']) });

    expect(filter.$and[1]).toEqual({
      $or: [
        { $and: [{ rank: { $gt: 2 } }] },
        { $and: [{ rank: { $eq: 2 } }, { $or: [{ dueAt: { $lt: '2026-04-01' } }, { dueAt: { $eq: null } }] }] },
        { $and: [{ rank: { $eq: 2 } }, { dueAt: { $eq: '2026-04-01' } }, { _id: { $gt: 'task-07' } }] },
      ],
    });
  });

  it('treats null as the lowest value when continuing after a cursor', () => {
    const sort = parseFindQuery({ sort: [['dueAt', -1]] }).sort;
    const descending = translate({ sort: [['dueAt', -1]], after: encodeCursor(sort, [null, 'task-03']) }).filter;
    const ascending = translate({ sort: [['dueAt', 1]], after: encodeCursor(parseFindQuery({ sort: [['dueAt', 1]] }).sort, [null, 'task-03']) }).filter;

    expect(descending.$and[1]).toEqual({ $or: [{ $and: [{ dueAt: { $eq: null } }, { _id: { $gt: 'task-03' } }] }] });
    expect(ascending.$and[1].$or[0]).toEqual({ $and: [{ dueAt: { $ne: null } }] });
  });

  it('records sort values from dotted paths, with null for missing fields', () => {
    const sort = parseFindQuery({ sort: [['client.name', 1], ['dueAt', 1]] }).sort;
    const values = sortValues({ _id: 'a', client: { name: 'Acme' } }, sort);

    expect(values).toEqual(['Acme', null, 'a']);
    expect(decodeCursor(encodeCursor(sort, values), sort)).toEqual(values);
  });
});

describe('MongoDB write plan', () => {
  const stored = new Map([
    ['inv-1', 10n],
    ['inv-2', 10n],
  ]);

  it('inserts documents not stored yet and replaces older ones under a guard on their position', () => {
    const plan = planWrites([put('inv-1', 42n, { total: 5 }), put('inv-3', 7n, { total: 1 })], stored);
    expect(plan.inserts).toEqual([{ _id: 'inv-3', total: 1, _position: Long.fromBigInt(7n) }]);
    expect(plan.replaces).toEqual([
      { replaceOne: { filter: { _id: 'inv-1', _position: { $lt: Long.fromBigInt(42n) } }, replacement: { total: 5, _position: Long.fromBigInt(42n) } } },
    ]);
  });

  it('skips writes at or below the stored position', () => {
    expect(planWrites([put('inv-1', 10n), put('inv-2', 3n)], stored)).toEqual({ inserts: [], replaces: [] });
  });

  it('keeps only the newest write of a document repeated in the batch', () => {
    const plan = planWrites([put('inv-9', 5n, { v: 'a' }), put('inv-9', 8n, { v: 'b' }), put('inv-9', 6n, { v: 'c' })], stored);
    expect(plan.inserts).toEqual([{ _id: 'inv-9', v: 'b', _position: Long.fromBigInt(8n) }]);
  });

  it('writes a delete as a tombstone', () => {
    const plan = planWrites([{ id: 'inv-1', position: 43n, document: null }], stored);
    expect(plan.replaces[0]).toMatchObject({ replaceOne: { replacement: { _position: Long.fromBigInt(43n), _deleted: true } } });
  });

  it('reads a stored document without its bookkeeping fields', () => {
    expect(fromStored({ _id: 'a', total: 1, _position: 7n })).toEqual({ document: { _id: 'a', total: 1 }, position: 7n });
  });

  it('names the inserts another writer won, and nothing when a bulk failed otherwise', () => {
    const result = { getWriteConcernError: () => undefined } as unknown as BulkWriteResult;
    const duplicate = { code: 11000, index: 1, errmsg: 'E11000 duplicate key error' };
    const other = { code: 121, index: 0, errmsg: 'Document failed validation' };
    const bulkError = (writeErrors: object[]) => new MongoBulkWriteError({ message: 'bulk', code: 11000, writeErrors: writeErrors as never }, result);
    const inserts = [{ _id: 'a' }, { _id: 'b' }];
    expect(duplicateInserts(bulkError([duplicate]), inserts)).toEqual(['b']);
    expect(duplicateInserts(bulkError([duplicate, other]), inserts)).toBeNull();
    expect(duplicateInserts(new Error('E11000'), inserts)).toBeNull();
  });
});

function put(id: string, position: bigint, fields: Record<string, Json> = {}): DocumentWrite {
  return { id, position, document: { _id: id, ...fields } };
}
