import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar } from '../shared/scalars';

export enum RoleEnum {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role', description: 'VIEWER reads; EDITOR also runs commands; ADMIN also manages keys and read models.' });

@ObjectType('ApiKey', { implements: Node })
export class ApiKeyType implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as `revokeApiKey` takes it.' }) keyId!: string;
  @Field() name!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => ID) keyId!: string;
  @Field({ description: 'Shown once: only its hash is stored. Send it as Authorization: Bearer <secret>.' }) secret!: string;
  @Field(() => ApiKeyType) key!: ApiKeyType;
}

@ObjectType()
export class ApiKeyConnection extends Connection(ApiKeyType) {}

export function toApiKey(key: { keyId: string; name: string; role: string; createdAt: string; revokedAt: string | null }): ApiKeyType {
  const { keyId, name, role, createdAt, revokedAt } = key;
  return { id: globalIdOf('ApiKey', keyId), keyId, name, role: role as RoleEnum, createdAt, revokedAt };
}

/** Keys page in the order they were created. */
export const apiKeyOrder = (key: ApiKeyType): string => `${key.createdAt} ${key.keyId}`;
