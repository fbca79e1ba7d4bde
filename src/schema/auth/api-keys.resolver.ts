import { MaxLength, MinLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext, Principal } from '../context';
import type { Actor } from './api-keys.service';
import { ApiKeyType, CreatedApiKeyType, RoleEnum } from './api-key.type';

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
  @Query(() => [ApiKeyType], { description: 'Every key ever created (secrets are never stored).' })
  apiKeys(@Ctx() { platform }: GraphQLContext): ApiKeyType[] {
    return platform.apiKeys.list() as ApiKeyType[];
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKeyType)
  async createApiKey(@Args() { name, role }: CreateApiKeyArgs, @Ctx() { platform, principal, correlationId }: GraphQLContext): Promise<CreatedApiKeyType> {
    const { key, secret } = await platform.apiKeys.create(name, role, actorOf(principal, correlationId));
    return { keyId: key.keyId, secret, key: key as ApiKeyType };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyType, { description: 'Refuses the key from the next request on; revoking twice changes nothing.' })
  revokeApiKey(@Arg('keyId', () => ID) keyId: string, @Ctx() { platform, principal, correlationId }: GraphQLContext): Promise<ApiKeyType> {
    return platform.apiKeys.revoke(keyId, actorOf(principal, correlationId)) as Promise<ApiKeyType>;
  }
}
