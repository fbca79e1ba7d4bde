import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IntByKey, KeyedRow, Kpi } from './kpi.type';
import { Margin, MarginByKey } from './margin.type';

@ObjectType({ simpleResolvers: true, description: 'Amounts in cents: total and by tier, client and month (YYYY-MM).' })
export class RevenueBreakdown {
  @Field(() => Int) totalCents!: number;
  @Field(() => [IntByKey]) byTier!: IntByKey[];
  @Field(() => [IntByKey]) byClient!: IntByKey[];
  @Field(() => [IntByKey]) byMonth!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class Revenue {
  @Field(() => RevenueBreakdown, { description: 'Invoices issued in the period (voided ones never count).' }) accrual!: RevenueBreakdown;
  @Field(() => RevenueBreakdown, { description: 'Payments received in the period.' }) cash!: RevenueBreakdown;
}

@ObjectType({ simpleResolvers: true })
export class Costs {
  @Field(() => Int) totalCents!: number;
  @Field(() => Int) expensesCents!: number;
  @Field(() => Int) consultantCostCents!: number;
  @Field(() => [IntByKey], { description: 'Expense categories and consultant_time.' }) byCategory!: IntByKey[];
  @Field(() => [IntByKey]) byMonth!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class ProfitMargin extends Margin {
  @Field(() => [MarginByKey]) byTier!: MarginByKey[];
  @Field(() => Int, { description: 'Costs tied to no client: in the total, in no tier.' }) unattributedCostsCents!: number;
}

@ObjectType({ simpleResolvers: true })
export class RevenuePerHour {
  @Field(() => Int) revenueCents!: number;
  @Field(() => Float) hours!: number;
  @Field(() => Float, { nullable: true, description: 'Cents invoiced per hour logged; null without hours.' }) centsPerHour!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CashFlowAmounts {
  @Field(() => Int) inflowCents!: number;
  @Field(() => Int) outflowCents!: number;
  @Field(() => Int) netCents!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Cash flow of one month (YYYY-MM).' })
export class CashFlowByMonth extends KeyedRow<CashFlowAmounts>(() => CashFlowAmounts) {}

@ObjectType({ simpleResolvers: true })
export class CashFlow extends CashFlowAmounts {
  @Field(() => [CashFlowByMonth]) byMonth!: CashFlowByMonth[];
}

@ObjectType({ simpleResolvers: true, description: 'Unpaid balances by days past due at the end of the period.' })
export class Aging {
  @Field(() => Int) current!: number;
  @Field(() => Int) days1To30!: number;
  @Field(() => Int) days31To60!: number;
  @Field(() => Int) days61To90!: number;
  @Field(() => Int) days90Plus!: number;
}

@ObjectType({ simpleResolvers: true })
export class Receivables {
  @Field({ description: 'The last business date of the period, balances are taken at its end.' }) asOf!: string;
  @Field(() => Int) totalCents!: number;
  @Field(() => Int) invoiceCount!: number;
  @Field(() => Aging) aging!: Aging;
  @Field(() => [IntByKey]) byClient!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class PaidWithin30Days {
  @Field(() => Float, { nullable: true, description: 'Target ≥ 0.95.' }) rate!: number | null;
  @Field(() => Int) paidWithin30Days!: number;
  @Field(() => Int, { description: 'Issued in the period and paid, or unpaid past 30 days as of `asOf`.' }) eligible!: number;
  @Field(() => Int) issued!: number;
  @Field({ description: 'The business date the 30 days are judged on: today, or the date of the query\'s asOf.' }) asOf!: string;
}

@ObjectType({ simpleResolvers: true }) export class RevenueKpi extends Kpi<Revenue>(() => Revenue) {}
@ObjectType({ simpleResolvers: true }) export class CostsKpi extends Kpi<Costs>(() => Costs) {}
@ObjectType({ simpleResolvers: true }) export class ProfitMarginKpi extends Kpi<ProfitMargin>(() => ProfitMargin) {}
@ObjectType({ simpleResolvers: true }) export class RevenuePerConsultantHourKpi extends Kpi<RevenuePerHour>(() => RevenuePerHour) {}
@ObjectType({ simpleResolvers: true }) export class CashFlowKpi extends Kpi<CashFlow>(() => CashFlow) {}
@ObjectType({ simpleResolvers: true }) export class ReceivablesKpi extends Kpi<Receivables>(() => Receivables) {}
@ObjectType({ simpleResolvers: true }) export class PaidWithin30DaysKpi extends Kpi<PaidWithin30Days>(() => PaidWithin30Days) {}
