import { Field, ID, ObjectType } from 'type-graphql';
import type { BillingPeriod, ClientTier } from '../../aggregates/client/client.events';
import type { ClientDocument } from '../../projections/financial/clients.projection';
import { BillingPeriodEnum, ClientTierEnum } from '../enums/domain.enums';
import { type ClientStatus, ClientStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType({ description: 'A tier the client held from `at`; the first entry is the onboarding tier.' })
export class TierChange {
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => ClientTierEnum) tier!: ClientTier;
}

@ObjectType({ description: 'Active from `from` until `to` (null while still active).' })
export class ActiveInterval {
  @Field(() => DateTimeScalar) from!: string;
  @Field(() => DateTimeScalar, { nullable: true }) to!: string | null;
}

@ObjectType({ description: 'What the retainer adds to MRR from `at` on.' })
export class RetainerAmount {
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => SafeIntScalar) monthlyAmountCents!: number;
}

@ObjectType()
export class Retainer {
  @Field(() => ID) retainerId!: string;
  @Field(() => BillingPeriodEnum) billingPeriod!: BillingPeriod;
  @Field(() => SafeIntScalar, { description: 'Contract amount per billing period, as last set.' }) amountCents!: number;
  @Field({ description: "The client's currency." }) currency!: string;
  @Field(() => [RetainerAmount]) amounts!: RetainerAmount[];
  @Field(() => DateTimeScalar) startedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) cancelledAt!: string | null;
}

@ObjectType({ implements: Node, description: 'A client, from the `clients` read model.' })
export class Client implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) clientId!: string;
  @Field() name!: string;
  @Field(() => ClientTierEnum) tier!: ClientTier;
  @Field(() => [TierChange]) tierHistory!: TierChange[];
  @Field() industry!: string;
  @Field(() => String, { nullable: true }) sourceLeadId!: string | null;
  @Field(() => String, { nullable: true }) sourceCampaignId!: string | null;
  @Field() currency!: string;
  @Field(() => ClientStatusEnum) status!: ClientStatus;
  @Field(() => DateTimeScalar) onboardedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the client last left; null if it never did.' }) offboardedAt!: string | null;
  @Field(() => [ActiveInterval]) activeIntervals!: ActiveInterval[];
  @Field(() => [Retainer]) retainers!: Retainer[];
  @Field(() => DateTimeScalar, { nullable: true }) firstRetainerAt!: string | null;
}

@ObjectType()
export class ClientConnection extends Connection(Client) {}

export function toClient(document: ClientDocument): Client {
  return {
    id: globalIdOf('Client', document.clientId),
    clientId: document.clientId,
    name: document.name,
    tier: document.tier,
    tierHistory: document.tierHistory,
    industry: document.industry,
    sourceLeadId: document.sourceLeadId,
    sourceCampaignId: document.sourceCampaignId,
    currency: document.currency,
    status: document.active ? 'ACTIVE' : 'OFFBOARDED',
    onboardedAt: document.onboardedAt,
    offboardedAt: document.offboardedAt,
    activeIntervals: document.activeIntervals,
    retainers: document.retainers.map((retainer) => ({ ...retainer, currency: document.currency })),
    firstRetainerAt: document.firstRetainerAt,
  };
}
