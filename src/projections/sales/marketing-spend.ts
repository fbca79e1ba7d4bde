import { dateInPeriod, type ResolvedPeriod } from '../../core/business-time';
import { expensesIncurredIn } from '../financial/financial.reads';
import type { ExpenseDocument } from '../financial';
import type { KpiContext } from '../shared/kpi';
import { sum } from '../shared/kpi-math';
import type { CampaignDocument } from './campaigns.projection';

export interface MarketingSpend {
  readonly campaignCostCents: number;
  readonly marketingExpenseCents: number;
  readonly campaigns: CampaignDocument[];
  readonly expenses: ExpenseDocument[];
}

/**
 * Marketing and sales spend incurred in the period, in `currency`: campaign costs plus expenses of
 * category marketing, each on its `incurredOn` business date.
 */
export async function marketingSpendIn(context: KpiContext, period: ResolvedPeriod, currency: string): Promise<MarketingSpend> {
  const costsOverlap = { lastCostOn: { $gte: period.fromDate }, firstCostOn: { $lt: period.toDate } };
  const [campaigns, expenses] = await Promise.all([
    context.reads.find<CampaignDocument>('campaigns', { filter: { ...costsOverlap, currency } }).then((result) => result.documents),
    expensesIncurredIn(context, period, { category: 'marketing', currency }),
  ]);
  const campaignCosts = campaigns.flatMap((campaign) => campaign.costs.filter((cost) => dateInPeriod(cost.incurredOn, period)));
  return {
    campaignCostCents: sum(campaignCosts.map((cost) => cost.amountCents)),
    marketingExpenseCents: sum(expenses.map((expense) => expense.amountCents)),
    campaigns,
    expenses,
  };
}
