import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { yieldToLoop } from '../../core/deadline';
import { ValidationError } from '../../core/errors';
import { requireRole } from '../auth/roles';
import type { GraphQLContext } from '../context';
import { parseGlobalId } from './global-id';
import { nodeLoaders } from './node-loaders';
import { Node, type NodeTypeName, nodeTypes, nodeTypeTag } from './node.interface';

const maxIds = 100;

/**
 * A malformed id or one naming no Node type is BAD_USER_INPUT; a type the key's role may not list
 * is FORBIDDEN (as its own queries are); an entity that does not exist, or that the key may not
 * read (a platform event below ADMIN), is null.
 */
async function loadNode(context: GraphQLContext, id: string, field: string): Promise<Node | null> {
  const { type, localId } = parseGlobalId(id, nodeTypes, field);
  const loader = nodeLoaders[type as NodeTypeName];
  requireRole(context.principal, loader.role, `node(id) of a ${type}`);
  await yieldToLoop();
  context.deadline.check();
  const found = await loader.load(context, localId);
  return found === null ? null : ({ ...found, [nodeTypeTag]: type } as unknown as Node);
}

@Resolver()
export class NodeResolver {
  @Authorized('VIEWER')
  @Query(() => Node, {
    nullable: true,
    complexity: ({ childComplexity }) => 10 + childComplexity,
    description: 'Any object by its global id (Relay refetch): null when it does not exist or the key may not read it.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Node | null> {
    return loadNode(context, id, 'id');
  }

  @Authorized('VIEWER')
  @Query(() => [Node], {
    nullable: 'items',
    complexity: ({ args, childComplexity }) => (10 + childComplexity) * Math.max(1, Array.isArray(args.ids) ? args.ids.length : 1),
    description: `Several objects by global id (at most ${maxIds}), in the order asked; null for each one that does not exist or the key may not read.`,
  })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: GraphQLContext): Promise<Array<Node | null>> {
    if (ids.length > maxIds) {
      throw new ValidationError('node.too_many_ids', `nodes takes at most ${maxIds} ids, got ${ids.length}`, { field: 'ids' });
    }
    const found: Array<Node | null> = [];
    for (const id of ids) found.push(await loadNode(context, id, 'ids'));
    return found;
  }
}
