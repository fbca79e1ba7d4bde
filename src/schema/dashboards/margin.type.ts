import { Field, Float, ObjectType } from 'type-graphql';
import { KeyedRow } from './kpi.type';
import { SafeIntScalar } from '../shared/scalars';

@ObjectType({ simpleResolvers: true, description: 'Revenue, costs and their margin (revenue − costs) ÷ revenue.' })
export class Margin {
  @Field(() => SafeIntScalar) revenueCents!: number;
  @Field(() => SafeIntScalar) costsCents!: number;
  @Field(() => SafeIntScalar) profitCents!: number;
  @Field(() => Float, { nullable: true, description: 'Null without revenue.' }) margin!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A margin under a breakdown key (a tier).' })
export class MarginByKey extends KeyedRow<Margin>(() => Margin) {}
