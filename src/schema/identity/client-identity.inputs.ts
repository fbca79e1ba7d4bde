import { Field, InputType } from 'type-graphql';
import type { WebhookTool } from '../../ingest/delivery';
import { IsEntityId, IsOneOf } from '../commands/input.validators';
import { IdentityToolEnum } from './client-identity.type';

@InputType()
export class ClientIdentityInput {
  @Field() @IsEntityId() clientId!: string;
  @Field(() => IdentityToolEnum) @IsOneOf(IdentityToolEnum) tool!: WebhookTool;
  @Field({ description: "The tool's own id for the client, as its payloads carry it." }) @IsEntityId() externalId!: string;
}

@InputType()
export class ClientEmailDomainInput {
  @Field() @IsEntityId() clientId!: string;
  @Field({ description: 'Lower-case host name, e.g. globex.example; e-mail addresses at it belong to the client.' }) domain!: string;
}
