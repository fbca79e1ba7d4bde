import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IntByKey, Kpi } from './kpi.type';
import { SafeIntScalar } from '../shared/scalars';

@ObjectType({ simpleResolvers: true })
export class Mrr {
  @Field(() => SafeIntScalar) mrrCents!: number;
  @Field(() => Int, { description: 'Clients with a retainer in effect.' }) payingClients!: number;
  @Field(() => [IntByKey]) byTier!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class Arr {
  @Field(() => SafeIntScalar) arrCents!: number;
  @Field(() => [IntByKey]) byTier!: IntByKey[];
}

@ObjectType({ simpleResolvers: true, description: 'How many movements of each kind (a client can move more than once).' })
export class MrrMovementCounts {
  @Field(() => Int) new!: number;
  @Field(() => Int) expansion!: number;
  @Field(() => Int) contraction!: number;
  @Field(() => Int) churn!: number;
  @Field(() => Int) reactivation!: number;
}

@ObjectType({ simpleResolvers: true })
export class MrrMovements {
  @Field(() => SafeIntScalar) startMrrCents!: number;
  @Field(() => SafeIntScalar) endMrrCents!: number;
  @Field(() => SafeIntScalar) newCents!: number;
  @Field(() => SafeIntScalar) expansionCents!: number;
  @Field(() => SafeIntScalar) contractionCents!: number;
  @Field(() => SafeIntScalar) churnCents!: number;
  @Field(() => SafeIntScalar) reactivationCents!: number;
  @Field(() => SafeIntScalar, { description: 'new + expansion + reactivation − contraction − churn = end − start.' }) netNewCents!: number;
  @Field(() => MrrMovementCounts) counts!: MrrMovementCounts;
}

@ObjectType({ simpleResolvers: true })
export class Arpa {
  @Field(() => SafeIntScalar, { nullable: true, description: 'Null when no client has a retainer at the end of the period.' }) arpaCents!: number | null;
  @Field(() => SafeIntScalar) mrrCents!: number;
  @Field(() => Int) payingClients!: number;
}

@ObjectType({ simpleResolvers: true })
export class CustomerChurn {
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Int) churnedClients!: number;
  @Field(() => Int) activeAtStart!: number;
}

@ObjectType({ simpleResolvers: true })
export class ClientLtv extends Arpa {
  @Field(() => Float, { nullable: true }) churnRate!: number | null;
  @Field(() => Float, { nullable: true, description: "The period's churn rate spread over its months." }) monthlyChurnRate!: number | null;
  @Field(() => SafeIntScalar, { nullable: true, description: 'arpa ÷ monthly churn rate; null when nobody churned or nobody pays.' }) ltvCents!: number | null;
}

@ObjectType({ simpleResolvers: true }) export class MrrKpi extends Kpi<Mrr>(() => Mrr) {}
@ObjectType({ simpleResolvers: true }) export class ArrKpi extends Kpi<Arr>(() => Arr) {}
@ObjectType({ simpleResolvers: true }) export class MrrMovementsKpi extends Kpi<MrrMovements>(() => MrrMovements) {}
@ObjectType({ simpleResolvers: true }) export class ArpaKpi extends Kpi<Arpa>(() => Arpa) {}
@ObjectType({ simpleResolvers: true }) export class CustomerChurnRateKpi extends Kpi<CustomerChurn>(() => CustomerChurn) {}
@ObjectType({ simpleResolvers: true }) export class ClientLtvKpi extends Kpi<ClientLtv>(() => ClientLtv) {}
