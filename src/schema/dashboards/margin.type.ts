import { Field, Float, Int, ObjectType } from 'type-graphql';
import { KeyedRow } from './kpi.type';

@ObjectType({ simpleResolvers: true, description: 'Revenue, costs and their margin (revenue − costs) ÷ revenue.' })
export class Margin {
  @Field(() => Int) revenueCents!: number;
  @Field(() => Int) costsCents!: number;
  @Field(() => Int) profitCents!: number;
  @Field(() => Float, { nullable: true, description: 'Null without revenue.' }) margin!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A margin under a breakdown key (a tier).' })
export class MarginByKey extends KeyedRow<Margin>(() => Margin) {}
