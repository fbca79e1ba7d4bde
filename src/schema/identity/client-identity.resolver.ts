import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import { clientIdentitiesCollection, type ClientIdentityDocument } from '../../projections/identity/client-identities.projection';
import { CommandArgs } from '../commands/command-args.input';
import { CommandPayload } from '../commands/command-payload.type';
import type { GraphQLContext } from '../context';
import { ClientEmailDomainInput, ClientIdentityInput } from './client-identity.inputs';
import { findPage } from '../entities/entity-page';
import { lookupIdOf } from '../relay/node.interface';
import { ConnectionArgs } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { ClientIdentity, ClientIdentityConnection, toClientIdentity } from './client-identity.type';
import { executeIdentityCommand } from './identity-command';

@ArgsType()
class ClientIdentitiesArgs extends ConnectionArgs {
  @Field(() => ID) clientId!: string;
}

/**
 * Links decide which client every webhook and sync lands on, so changing them needs ADMIN; a tool
 * id or domain already linked to another client is refused (RULE_VIOLATION identity.already_linked).
 */
@Resolver(() => ClientIdentity)
export class ClientIdentityResolver {
  @Authorized('VIEWER')
  @Query(() => ClientIdentityConnection, { complexity: pageComplexity, description: 'The tool ids and e-mail domains linked to a client (its `clientId` or global `id`).' })
  clientIdentities(@Args() args: ClientIdentitiesArgs, @Ctx() context: GraphQLContext): Promise<ClientIdentityConnection> {
    const filter = { clientId: lookupIdOf('Client', args.clientId) };
    return findPage<ClientIdentityDocument, ClientIdentity>(context, clientIdentitiesCollection, { filter, sort: [['_id', 1]] }, args, toClientIdentity);
  }

  @Authorized('ADMIN')
  @Mutation(() => CommandPayload, { description: "Links a tool's own id for a client to the Zixly client; parked deliveries naming it can then be redriven." })
  linkClientIdentity(@Arg('input') input: ClientIdentityInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeIdentityCommand(context, args, (service, at, metadata) => service.linkIdentity({ ...input }, at, metadata));
  }

  @Authorized('ADMIN')
  @Mutation(() => CommandPayload, { description: 'Removes a link, freeing the tool id for another client.' })
  unlinkClientIdentity(@Arg('input') input: ClientIdentityInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeIdentityCommand(context, args, (service, at, metadata) => service.unlinkIdentity({ ...input }, at, metadata));
  }

  @Authorized('ADMIN')
  @Mutation(() => CommandPayload, { description: 'E-mail addresses at this domain belong to the client (for tools without a shared client id).' })
  linkClientEmailDomain(@Arg('input') input: ClientEmailDomainInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeIdentityCommand(context, args, (service, at, metadata) => service.linkDomain({ ...input }, at, metadata));
  }

  @Authorized('ADMIN')
  @Mutation(() => CommandPayload)
  unlinkClientEmailDomain(@Arg('input') input: ClientEmailDomainInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeIdentityCommand(context, args, (service, at, metadata) => service.unlinkDomain({ ...input }, at, metadata));
  }
}
