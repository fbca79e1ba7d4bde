import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { ConsultantDocument } from '../../projections/delivery/consultants.projection';
import { type ConsultantStatus, ConsultantStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';
import { ActiveInterval } from './client.type';

@ObjectType({ description: 'A weekly capacity in effect from `from` until the next one.' })
export class CapacityPeriod {
  @Field(() => DateTimeScalar) from!: string;
  @Field(() => Float) weeklyCapacityHours!: number;
}

@ObjectType({ description: 'Hours of leave on one business date.' })
export class TimeOff {
  @Field(() => ID) timeOffId!: string;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => Float) hours!: number;
}

@ObjectType({ implements: Node, description: 'A consultant, from the `consultants` read model.' })
export class Consultant implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) consultantId!: string;
  @Field() name!: string;
  @Field(() => ConsultantStatusEnum) status!: ConsultantStatus;
  @Field(() => Float) weeklyCapacityHours!: number;
  @Field(() => SafeIntScalar, { description: 'Hourly cost in cents.' }) costRateCents!: number;
  @Field(() => SafeIntScalar, { description: 'Default hourly bill rate in cents.' }) billRateCents!: number;
  @Field() currency!: string;
  @Field(() => DateTimeScalar) registeredAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) deactivatedAt!: string | null;
  @Field(() => [CapacityPeriod]) capacityHistory!: CapacityPeriod[];
  @Field(() => [ActiveInterval]) activeIntervals!: ActiveInterval[];
  @Field(() => [TimeOff]) timeOff!: TimeOff[];
}

@ObjectType()
export class ConsultantConnection extends Connection(Consultant) {}

export function toConsultant(document: ConsultantDocument): Consultant {
  return {
    id: globalIdOf('Consultant', document.consultantId),
    consultantId: document.consultantId,
    name: document.name,
    status: document.deactivatedAt === null ? 'ACTIVE' : 'DEACTIVATED',
    weeklyCapacityHours: document.weeklyCapacityHours,
    costRateCents: document.costRateCents,
    billRateCents: document.billRateCents,
    currency: document.currency,
    registeredAt: document.registeredAt,
    deactivatedAt: document.deactivatedAt,
    capacityHistory: document.capacityHistory,
    activeIntervals: document.activeIntervals,
    timeOff: document.timeOff,
  };
}
