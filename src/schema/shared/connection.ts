import 'reflect-metadata';
import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ValidationError } from '../../core/errors';
import type { FindResult, ReadDocument } from '../../core/read-store.port';

export const defaultPageSize = 50;
export const maxPageSize = 200;

@ObjectType({ description: 'Forward pagination state (Relay).' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field({ description: 'Always false: connections page forwards only.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: defaultPageSize, description: `Page size, 1 to ${maxPageSize}.` })
  @Min(1)
  @Max(maxPageSize)
  first: number = defaultPageSize;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/** The page size to ask a store for; guards resolvers that bypass argument validation. */
export function pageSizeOf(args: { first?: number | null }): number {
  const first = args.first ?? defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new ValidationError('page.invalid_size', `first must be between 1 and ${maxPageSize}, got ${first}`, { field: 'first' });
  }
  return first;
}

/**
 * A Relay connection of `Node`: `edges { cursor node }` (each cursor resumes after its node),
 * `pageInfo`, and `nodes` as a shortcut. Usage:
 * `@ObjectType() class InvoiceConnection extends Connection(Invoice) {}` — its edge type is
 * `InvoiceEdge`.
 */
export function Connection<Node extends object>(NodeClass: ClassType<Node>) {
  @ObjectType(`${NodeClass.name}Edge`, { description: `A ${NodeClass.name} and the cursor to resume after it.` })
  class EdgeClass {
    @Field({ description: 'Pass as `after` to read what follows this node.' })
    cursor!: string;

    @Field(() => NodeClass)
    node!: Node;
  }

  // Abstract: only the concrete subclasses referenced by resolvers reach the schema.
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: Array<{ cursor: string; node: Node }>;

    @Field(() => [NodeClass], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: Node[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export interface ConnectionValue<Node> {
  readonly edges: Array<{ cursor: string; node: Node }>;
  readonly nodes: Node[];
  readonly pageInfo: PageInfo;
}

/** Maps a ReadStore page to a connection value; `toNode` turns a document into the GraphQL node. */
export function connectionFrom<D extends ReadDocument, Node = D>(
  page: FindResult<D>,
  toNode: (document: D) => Node = (document) => document as unknown as Node,
): ConnectionValue<Node> {
  const nodes = page.documents.map(toNode);
  const cursors = page.cursors ?? [];
  if (cursors.length !== nodes.length) throw new Error('A read-store page without a cursor per document cannot make Relay edges');
  const edges = nodes.map((node, index) => ({ cursor: cursors[index]!, node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: page.nextCursor !== null, hasPreviousPage: false, startCursor: cursors[0] ?? null, endCursor: page.nextCursor ?? cursors.at(-1) ?? null },
  };
}

/** Cursors over the event log are positions as decimal strings, so an analyst can resume anywhere. */
export function positionCursor(position: bigint): string {
  return position.toString();
}

const maxCursor = 0x7fff_ffff_ffff_ffffn;

export function parsePositionCursor(cursor: string | null | undefined): bigint | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return undefined;
  // Positions and revisions are signed 64-bit in every store: a longer number is no cursor.
  if (!/^(0|[1-9][0-9]{0,18})$/.test(cursor) || BigInt(cursor) > maxCursor) {
    throw new ValidationError('page.invalid_cursor', `after must be an event position (digits), got "${cursor.slice(0, 40)}"`, { field: 'after' });
  }
  return BigInt(cursor);
}

/**
 * A connection over a list the resolver holds whole (an invoice's payments, the read models, the
 * API keys): ordered by `sortKey`, the cursor is that key, opaque (base64url), so a page resumes
 * after its last item even when items were added since.
 */
export function connectionOfList<Node>(items: readonly Node[], sortKey: (node: Node) => string, args: { first?: number | null; after?: string | null }): ConnectionValue<Node> {
  const first = pageSizeOf(args);
  const after = parseListCursor(args.after);
  const keyed = items.map((node) => ({ key: sortKey(node), node })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = after === undefined ? keyed : keyed.filter((item) => item.key > after);
  const page = rest.slice(0, first);
  const edges = page.map((item) => ({ cursor: Buffer.from(item.key, 'utf8').toString('base64url'), node: item.node }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage: rest.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function parseListCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined || cursor === '') return undefined;
  const key = /^[A-Za-z0-9_-]{1,1400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : null;
  if (key === null || Buffer.from(key, 'utf8').toString('base64url') !== cursor) {
    throw new ValidationError('page.invalid_cursor', `after must be the cursor of an edge of this list, got "${cursor.slice(0, 40)}"`, { field: 'after' });
  }
  return key;
}
