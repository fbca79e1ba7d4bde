import { Field, ID, ObjectType } from 'type-graphql';
import type { LeadSource, LeadStage } from '../../aggregates/lead/lead.events';
import type { LeadDocument, LeadStatus } from '../../projections/sales/leads.projection';
import { LeadSourceEnum, LeadStageEnum } from '../enums/domain.enums';
import { LeadStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType({ description: 'The lead as it stood from `at` on.' })
export class LeadSnapshot {
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => LeadStatusEnum) status!: LeadStatus;
  @Field(() => LeadStageEnum) stage!: LeadStage;
  @Field(() => SafeIntScalar, { nullable: true }) valueCents!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
}

@ObjectType({ implements: Node, description: 'A sales lead, from the `leads` read model.' })
export class Lead implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) leadId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) company!: string | null;
  @Field(() => LeadSourceEnum) source!: LeadSource;
  @Field(() => ID, { nullable: true }) campaignId!: string | null;
  @Field(() => DateTimeScalar) capturedAt!: string;
  @Field(() => LeadStatusEnum) status!: LeadStatus;
  @Field(() => LeadStageEnum) stage!: LeadStage;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Latest estimate, or the deal value once won, in cents.' }) valueCents!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) wonAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The latest win or loss.' }) lastClosedAt!: string | null;
  @Field(() => [LeadSnapshot], { description: 'Every state the lead went through, including each stage reached.' }) snapshots!: LeadSnapshot[];
}

@ObjectType()
export class LeadConnection extends Connection(Lead) {}

export function toLead(document: LeadDocument): Lead {
  return {
    id: globalIdOf('Lead', document.leadId),
    leadId: document.leadId,
    name: document.name,
    email: document.email,
    company: document.company,
    source: document.source,
    campaignId: document.campaignId,
    capturedAt: document.capturedAt,
    status: document.status,
    stage: document.stage,
    valueCents: document.valueCents,
    currency: document.currency,
    clientId: document.clientId,
    wonAt: document.wonAt,
    lastClosedAt: document.lastClosedAt,
    snapshots: document.history,
  };
}
