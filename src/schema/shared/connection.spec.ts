import { graphql, printType } from 'graphql';
import { Args, buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { Connection, ConnectionArgs, connectionFrom, pageSizeOf, parsePositionCursor } from './connection';

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
});
