import { businessDate, daysBetween, type Period, type ResolvedPeriod } from '../../core/business-time';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { mean, ratio } from '../shared/kpi-math';
import { instantsIn } from '../shared/period-filter';
import { closedIn } from './lead-history';
import type { LeadDocument } from './leads.projection';

export interface WinRate {
  /** won ÷ (won + lost); null when no lead closed. */
  readonly rate: number | null;
  readonly won: number;
  readonly lost: number;
}

export interface SalesCycle {
  /** Mean calendar days from capture to win; null when nothing was won. */
  readonly days: number | null;
  readonly wonLeads: number;
}

/** A KPI value with the lead documents it was computed from, for KPIs that combine others. */
export interface FromLeads<T> {
  readonly value: T;
  readonly leads: LeadDocument[];
}

export async function winRateIn(context: KpiContext, period: ResolvedPeriod): Promise<FromLeads<WinRate>> {
  // Any lead that closed in the period has its latest closing at or after the period's start.
  const { documents } = await context.reads.find<LeadDocument>('leads', { filter: { lastClosedAt: { $gte: period.fromInstant } } });
  const closed = documents.flatMap((lead) => {
    const outcome = closedIn(lead, period);
    return outcome ? [{ lead, outcome }] : [];
  });
  const won = closed.filter((entry) => entry.outcome === 'won').length;
  const lost = closed.length - won;
  return { value: { rate: ratio(won, won + lost), won, lost }, leads: closed.map((entry) => entry.lead) };
}

export async function leadsWonIn(context: KpiContext, period: ResolvedPeriod): Promise<LeadDocument[]> {
  return (await context.reads.find<LeadDocument>('leads', { filter: { wonAt: instantsIn(period) } })).documents;
}

/** Calendar days of the business time zone from a won lead's capture to its win. */
export const salesCycleDaysOf = (lead: LeadDocument, timeZone: string): number => daysBetween(businessDate(lead.capturedAt, timeZone), businessDate(lead.wonAt!, timeZone));

export function salesCycleOf(won: readonly LeadDocument[], timeZone: string): SalesCycle {
  const days = won.map((lead) => salesCycleDaysOf(lead, timeZone));
  return { days: mean(days), wonLeads: won.length };
}

/**
 * winRate: won ÷ (won + lost) over leads closed in the period. A lead counts once, with the outcome
 * of its last closing in the period (lost then reopened and won in the same period counts as won;
 * lost in one period and won after a reopen in the next counts in each).
 */
export async function winRate(context: KpiContext, period: Period): Promise<KpiResult<WinRate>> {
  const { value, leads } = await winRateIn(context, periodOf(context, period));
  return kpiResult(context, ['leads'], leads, value);
}

/** salesCycleDays: mean of (won − captured) in calendar days of the business time zone, over leads won in the period. */
export async function salesCycleDays(context: KpiContext, period: Period): Promise<KpiResult<SalesCycle>> {
  const won = await leadsWonIn(context, periodOf(context, period));
  return kpiResult(context, ['leads'], won, salesCycleOf(won, context.timeZone));
}
