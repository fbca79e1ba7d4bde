import { Field, ID, ObjectType } from 'type-graphql';
import { webhookTools, type WebhookTool } from '../../ingest/delivery';
import type { ClientIdentityDocument } from '../../projections/identity/client-identities.projection';
import { domainEnum } from '../enums/domain.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar } from '../shared/scalars';

export const IdentityToolEnum = domainEnum(webhookTools, 'IdentityTool', 'A business tool whose deliveries Zixly ingests.');
export const ClientIdentityKindEnum = domainEnum(['tool', 'domain'] as const, 'ClientIdentityKind', "TOOL: a tool's own id for the client; DOMAIN: an e-mail domain.");

@ObjectType({ implements: Node, description: 'How deliveries find a client: a tool id (contact, customer, project…) or an e-mail domain linked to it.' })
export class ClientIdentity implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '`<tool>:<externalId>` or `domain:<domain>`.' }) identityKey!: string;
  @Field(() => ClientIdentityKindEnum) kind!: 'tool' | 'domain';
  @Field(() => ID) clientId!: string;
  @Field(() => IdentityToolEnum, { nullable: true }) tool!: WebhookTool | null;
  @Field(() => String, { nullable: true, description: "The tool's own id (Chatwoot contact, Invoice Ninja client, Xero ContactID, Plane project…)." })
  externalId!: string | null;
  @Field(() => String, { nullable: true }) domain!: string | null;
  @Field(() => DateTimeScalar) linkedAt!: string;
}

export function toClientIdentity(document: ClientIdentityDocument): ClientIdentity {
  const { _id, kind, clientId, externalId, domain, linkedAt } = document;
  return { id: globalIdOf('ClientIdentity', _id), identityKey: _id, kind, clientId, tool: document.tool as WebhookTool | null, externalId, domain, linkedAt };
}

@ObjectType()
export class ClientIdentityConnection extends Connection(ClientIdentity) {}
