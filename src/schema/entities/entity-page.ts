import type { DocumentFilter, ReadDocument } from '../../core/read-store.port';
import type { GraphQLContext } from '../context';
import { type ConnectionArgs, type ConnectionValue, connectionFrom, pageSizeOf } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';

/** One page of a read model as a connection; the cursor is the ReadStore's keyset cursor. */
export async function findPage<D extends ReadDocument, Node>(
  context: GraphQLContext,
  collection: string,
  query: { filter: DocumentFilter; sort: SortSpec },
  args: ConnectionArgs,
  toNode: (document: D) => Node,
): Promise<ConnectionValue<Node>> {
  const page = await context.services.readStore.find<D>(collection, {
    filter: query.filter,
    sort: query.sort,
    limit: pageSizeOf(args),
    ...(args.after ? { after: args.after } : {}),
  });
  return connectionFrom(page, toNode);
}

/** The document with this id, or null. */
export async function findOne<D extends ReadDocument, Node>(
  context: GraphQLContext,
  collection: string,
  id: string,
  toNode: (document: D) => Node | null,
): Promise<Node | null> {
  const found = await context.services.readStore.getMany<D>(collection, [id]);
  const document = found.get(id)?.document;
  return document ? toNode(document) : null;
}
