import { addDays, businessDate, type Period } from '../../core/business-time';
import { clientsOnboardedIn, firstYearRetainerValueCents, type ClientDocument, type ExpenseDocument, type InvoiceDocument } from '../financial';
import { findEvery } from '../shared/documents';
import { kpiResult, periodOf, type KpiContext, type KpiResult, baseCurrencyOf } from '../shared/kpi';
import { ratio, sum } from '../shared/kpi-math';
import type { CampaignDocument } from './campaigns.projection';
import { marketingSpendIn } from './marketing-spend';
import { clientsWonByCampaign } from './campaign-attribution';

export interface MarketingOptions {
  /** Amounts in other currencies are left out; defaults to AUD. */
  readonly currency?: string;
}

export interface Cac {
  readonly currency: string;
  /** spend ÷ new clients, rounded to cents; null when no client was onboarded. */
  readonly cacCents: number | null;
  readonly spendCents: number;
  readonly campaignCostCents: number;
  readonly marketingExpenseCents: number;
  readonly newClients: number;
}

export interface CampaignRoi {
  readonly campaignId: string;
  readonly name: string;
  readonly costCents: number;
  readonly clientsWon: number;
  readonly firstYearRetainerCents: number;
  readonly oneOffInvoicedCents: number;
  /** (retainer + one-off − cost) ÷ cost; null for a campaign without cost. */
  readonly roi: number | null;
}

/**
 * cac: marketing and sales spend incurred in the period (campaign costs + expenses of category
 * marketing, in `options.currency`) ÷ clients onboarded in the period (reactivations are not new).
 */
export async function cac(context: KpiContext, period: Period, options: MarketingOptions = {}): Promise<KpiResult<Cac>> {
  const currency = options.currency ?? baseCurrencyOf(context);
  const resolved = periodOf(context, period);
  const [spend, newClients] = await Promise.all([marketingSpendIn(context, resolved, currency), clientsOnboardedIn(context, resolved)]);
  const spendCents = spend.campaignCostCents + spend.marketingExpenseCents;
  const perClient = ratio(spendCents, newClients.length);
  const { campaignCostCents, marketingExpenseCents } = spend;
  const value = { currency, cacCents: perClient === null ? null : Math.round(perClient), spendCents, campaignCostCents, marketingExpenseCents, newClients: newClients.length };
  return kpiResult(context, ['campaigns', 'expenses', 'clients'], [...spend.campaigns, ...spend.expenses, ...newClients], value);
}

/** One-off invoices (not void) issued in the client's first year, the window its retainer value covers. */
function firstYearOneOffCents(client: ClientDocument, invoices: readonly InvoiceDocument[], timeZone: string): number {
  const from = businessDate(client.onboardedAt, timeZone);
  const to = addDays(from, 365);
  const counted = invoices.filter((invoice) => invoice.clientId === client.clientId && invoice.status !== 'VOID' && invoice.issuedOn >= from && invoice.issuedOn < to);
  return sum(counted.map((invoice) => invoice.amountCents));
}

/** What the campaigns' clients and spend are matched against, read once for all campaigns. */
interface Attribution {
  readonly currency: string;
  readonly timeZone: string;
  readonly clientsByCampaign: ReadonlyMap<string, ClientDocument[]>;
  readonly expenses: readonly ExpenseDocument[];
  readonly invoices: readonly InvoiceDocument[];
}

function roiOf(campaign: CampaignDocument, { currency, timeZone, clientsByCampaign, expenses, invoices }: Attribution): CampaignRoi {
  const won = clientsByCampaign.get(campaign.campaignId) ?? [];
  const linked = sum(expenses.filter((expense) => expense.campaignId === campaign.campaignId).map((expense) => expense.amountCents));
  const costCents = linked + (campaign.currency === currency ? campaign.totalCostCents : 0);
  const firstYearRetainerCents = sum(won.map(firstYearRetainerValueCents));
  const oneOffInvoicedCents = sum(won.map((client) => firstYearOneOffCents(client, invoices, timeZone)));
  const roi = ratio(firstYearRetainerCents + oneOffInvoicedCents - costCents, costCents);
  return { campaignId: campaign.campaignId, name: campaign.name, costCents, clientsWon: won.length, firstYearRetainerCents, oneOffInvoicedCents, roi };
}

/**
 * marketingRoi: per campaign running during the period (launched before its end, not ended before
 * its start), to date: (first-year retainer value + one-off invoices of the first year, over clients
 * won from the campaign − campaign cost) ÷ campaign cost. A client is won from the campaign its
 * lead came from, else the one its onboarding names (`clientsWonByCampaign`). Campaign cost = its recorded costs +
 * marketing expenses tied to it, as CAC counts spend. Only `options.currency` amounts count.
 */
export async function marketingRoi(context: KpiContext, period: Period, options: MarketingOptions = {}): Promise<KpiResult<CampaignRoi[]>> {
  const currency = options.currency ?? baseCurrencyOf(context);
  const { fromInstant, toInstant } = periodOf(context, period);
  const launched = await findEvery<CampaignDocument>(context.reads, 'campaigns', { launchedAt: { $lt: toInstant } });
  const campaigns = launched.filter((campaign) => campaign.endedAt === null || campaign.endedAt >= fromInstant);
  const ids = campaigns.map((campaign) => campaign.campaignId);
  const [won, expenses] = await Promise.all([
    clientsWonByCampaign(context, ids, currency),
    findEvery<ExpenseDocument>(context.reads, 'expenses', { campaignId: { $in: ids }, category: 'marketing', currency }),
  ]);
  const clientIds = [...won.byCampaign.values()].flat().map((client) => client.clientId);
  const invoices = await findEvery<InvoiceDocument>(context.reads, 'invoices', { clientId: { $in: clientIds }, kind: 'ONE_OFF', currency });
  const attribution = { currency, timeZone: context.timeZone, clientsByCampaign: won.byCampaign, expenses, invoices };
  const rows = campaigns.map((campaign) => roiOf(campaign, attribution)).sort((a, b) => a.campaignId.localeCompare(b.campaignId));
  return kpiResult(context, ['campaigns', 'clients', 'expenses', 'invoices', 'leads'], [...campaigns, ...won.documents, ...expenses, ...invoices], rows);
}
