import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';

export enum RoleEnum {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role', description: 'VIEWER reads; EDITOR also runs commands; ADMIN also manages keys and read models.' });

@ObjectType('ApiKey')
export class ApiKeyType {
  @Field(() => ID) keyId!: string;
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
