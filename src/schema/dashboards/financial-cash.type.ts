import { Field, Float, Int, ObjectType } from 'type-graphql';
import { IntByKey, KeyedRow, Kpi } from './kpi.type';
import { Margin, MarginByKey } from './margin.type';
import { SafeIntScalar } from '../shared/scalars';

@ObjectType({ simpleResolvers: true, description: 'Amounts in cents of the base currency: total and by tier, client and month (YYYY-MM); byCurrency in each currency.' })
export class RevenueBreakdown {
  @Field(() => SafeIntScalar, { description: 'In the base currency; amounts in another currency that came without a rate are left out (they show in byCurrency).' }) totalCents!: number;
  @Field(() => [IntByKey], { description: 'Every amount in cents of its own currency (ISO 4217 code as key), converted or not.' }) byCurrency!: IntByKey[];
  @Field(() => [IntByKey]) byTier!: IntByKey[];
  @Field(() => [IntByKey]) byClient!: IntByKey[];
  @Field(() => [IntByKey]) byMonth!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class Revenue {
  @Field({ description: 'The base currency (BUSINESS_BASE_CURRENCY) of every total.' }) currency!: string;
  @Field(() => RevenueBreakdown, { description: 'Invoices issued in the period (voided ones never count).' }) accrual!: RevenueBreakdown;
  @Field(() => RevenueBreakdown, { description: 'Payments received in the period.' }) cash!: RevenueBreakdown;
}

@ObjectType({ simpleResolvers: true })
export class Costs {
  @Field(() => SafeIntScalar) totalCents!: number;
  @Field(() => SafeIntScalar) expensesCents!: number;
  @Field(() => SafeIntScalar) consultantCostCents!: number;
  @Field(() => [IntByKey], { description: 'Expense categories and consultant_time.' }) byCategory!: IntByKey[];
  @Field(() => [IntByKey]) byMonth!: IntByKey[];
}

@ObjectType({ simpleResolvers: true })
export class ProfitMargin extends Margin {
  @Field(() => [MarginByKey]) byTier!: MarginByKey[];
  @Field(() => SafeIntScalar, { description: 'Costs tied to no client: in the total, in no tier.' }) unattributedCostsCents!: number;
}

@ObjectType({ simpleResolvers: true })
export class RevenuePerHour {
  @Field(() => SafeIntScalar) revenueCents!: number;
  @Field(() => Float) hours!: number;
  @Field(() => Float, { nullable: true, description: 'Cents invoiced per hour logged; null without hours.' }) centsPerHour!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CashFlowAmounts {
  @Field(() => SafeIntScalar) inflowCents!: number;
  @Field(() => SafeIntScalar) outflowCents!: number;
  @Field(() => SafeIntScalar) netCents!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Cash flow of one month (YYYY-MM).' })
export class CashFlowByMonth extends KeyedRow<CashFlowAmounts>(() => CashFlowAmounts) {}

@ObjectType({ simpleResolvers: true })
export class CashFlow extends CashFlowAmounts {
  @Field(() => [CashFlowByMonth]) byMonth!: CashFlowByMonth[];
}

@ObjectType({ simpleResolvers: true, description: 'Unpaid balances by days past due at the end of the period.' })
export class Aging {
  @Field(() => SafeIntScalar) current!: number;
  @Field(() => SafeIntScalar) days1To30!: number;
  @Field(() => SafeIntScalar) days31To60!: number;
  @Field(() => SafeIntScalar) days61To90!: number;
  @Field(() => SafeIntScalar) days90Plus!: number;
}

@ObjectType({ simpleResolvers: true })
export class Receivables {
  @Field({ description: 'The last business date of the period, balances are taken at its end.' }) asOf!: string;
  @Field(() => SafeIntScalar) totalCents!: number;
  @Field(() => Int) invoiceCount!: number;
  @Field(() => Aging) aging!: Aging;
  @Field(() => [IntByKey]) byClient!: IntByKey[];
  @Field({ description: 'The base currency of the totals.' }) currency!: string;
  @Field(() => [IntByKey], { description: 'Open balances in cents of their own currency.' }) byCurrency!: IntByKey[];
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
