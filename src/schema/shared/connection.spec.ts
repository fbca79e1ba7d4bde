import { graphql, printType } from 'graphql';
import { Args, buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { Connection, ConnectionArgs, connectionFrom, connectionOfList, pageSizeOf, parsePositionCursor } from './connection';

@ObjectType()
class Gadget {
  @Field()
  name!: string;
}

@ObjectType()
class GadgetConnection extends Connection(Gadget) {}

@Resolver()
class GadgetResolver {
  @Query(() => GadgetConnection)
  gadgets(@Args() args: ConnectionArgs): GadgetConnection {
    const size = pageSizeOf(args);
    return connectionFrom({ documents: [{ _id: 'g1', name: `first ${size} after ${args.after ?? 'start'}` }], nextCursor: 'next-page', cursors: ['next-page'] });
  }
}

describe('the shared connection helper', () => {
  const schema = buildSchema({ resolvers: [GadgetResolver], validate: { forbidUnknownValues: false } });

  it('gives a read-store page as Relay edges, nodes and pageInfo', async () => {
    const result = await graphql({ schema: await schema, source: '{ gadgets(first: 2, after: "x") { edges { cursor node { name } } nodes { name } pageInfo { hasNextPage startCursor endCursor } } }' });
    expect(result).toEqual({
      data: { gadgets: { edges: [{ cursor: 'next-page', node: { name: 'first 2 after x' } }], nodes: [{ name: 'first 2 after x' }], pageInfo: { hasNextPage: true, startCursor: 'next-page', endCursor: 'next-page' } } },
    });
  });

  it('names the concrete connection type after its subclass', async () => {
    expect(printType((await schema).getType('GadgetConnection')!)).toContain('type GadgetConnection {\n  edges: [GadgetEdge!]!\n');
    expect(printType((await schema).getType('GadgetEdge')!)).toContain('cursor: String!');
  });

  it('defaults to 50 and refuses more than 200', async () => {
    const defaulted = await graphql({ schema: await schema, source: '{ gadgets { nodes { name } } }' });
    expect(defaulted.data).toEqual({ gadgets: { nodes: [{ name: 'first 50 after start' }] } });
    const tooMany = await graphql({ schema: await schema, source: '{ gadgets(first: 500) { nodes { name } } }' });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a position cursor beyond 64 bits as bad input, and reads the largest one', () => {
    expect(() => parsePositionCursor('9'.repeat(200))).toThrow(expect.objectContaining({ code: 'page.invalid_cursor', kind: 'validation' }));
    expect(() => parsePositionCursor('9223372036854775808')).toThrow(expect.objectContaining({ code: 'page.invalid_cursor' }));
    expect(parsePositionCursor('9223372036854775807')).toBe(9223372036854775807n);
  });

  describe('over a list held whole', () => {
    const keys = ['k-b', 'k-a', 'k-d', 'k-c'].map((name) => ({ name }));
    const byName = (item: { name: string }) => item.name;

    it('pages it in key order, each cursor resuming after its item even when items were added since', () => {
      const first = connectionOfList(keys, byName, { first: 2 });
      expect(first.nodes.map(byName)).toEqual(['k-a', 'k-b']);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, startCursor: first.edges[0]!.cursor, endCursor: first.edges[1]!.cursor });

      const grown = [...keys, { name: 'k-aa' }, { name: 'k-e' }];
      const next = connectionOfList(grown, byName, { first: 2, after: first.pageInfo.endCursor });
      expect(next.nodes.map(byName)).toEqual(['k-c', 'k-d']);
      const last = connectionOfList(grown, byName, { first: 2, after: next.edges[1]!.cursor });
      expect(last).toMatchObject({ nodes: [{ name: 'k-e' }], pageInfo: { hasNextPage: false } });
    });

    it('refuses a cursor that is not one of its edges as bad input', () => {
      for (const after of ['not base64!', 'YQ=', '$gt', 'x'.repeat(2000)]) {
        expect(() => connectionOfList(keys, byName, { after })).toThrow(expect.objectContaining({ code: 'page.invalid_cursor', kind: 'validation' }));
      }
    });
  });
});
