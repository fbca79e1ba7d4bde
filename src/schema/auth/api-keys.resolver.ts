import { MaxLength, MinLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext, Principal } from '../context';
import type { Actor } from './api-keys.service';
import { ConnectionArgs, connectionOfList } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { ApiKeyConnection, apiKeyOrder, ApiKeyType, CreatedApiKeyType, RoleEnum, toApiKey } from './api-key.type';

@ArgsType()
class CreateApiKeyArgs {
  @Field()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;
}

function actorOf(principal: Principal | null, correlationId: string): Actor {
  return { actor: principal ? `apikey:${principal.keyId}` : 'system', correlationId };
}

@Resolver()
export class ApiKeysResolver {
  @Authorized('ADMIN')
  @Query(() => ApiKeyConnection, { complexity: pageComplexity, description: 'Every key ever created, oldest first (secrets are never stored).' })
  apiKeys(@Args() args: ConnectionArgs, @Ctx() { platform }: GraphQLContext): ApiKeyConnection {
    return connectionOfList(platform.apiKeys.list().map(toApiKey), apiKeyOrder, args);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKeyType)
  async createApiKey(@Args() { name, role }: CreateApiKeyArgs, @Ctx() { platform, principal, correlationId }: GraphQLContext): Promise<CreatedApiKeyType> {
    const { key, secret } = await platform.apiKeys.create(name, role, actorOf(principal, correlationId));
    return { keyId: key.keyId, secret, key: toApiKey(key) };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyType, { description: 'Refuses the key from the next request on; revoking twice changes nothing.' })
  async revokeApiKey(@Arg('keyId', () => ID) keyId: string, @Ctx() { platform, principal, correlationId }: GraphQLContext): Promise<ApiKeyType> {
    return toApiKey(await platform.apiKeys.revoke(keyId, actorOf(principal, correlationId)));
  }
}
