import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { ClientDocument } from './clients.projection';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { isActiveAt } from './client-timeline';
import { clientsCollection } from './clients.projection';
import { clientsOnboardedBefore, mrrSnapshot } from './clients.queries';
import { monthsBetween } from './period-months';

export interface Arpa {
  /** Whole cents; null when no client has a retainer at the end of the period. */
  readonly arpaCents: number | null;
  readonly mrrCents: number;
  readonly payingClients: number;
}

export interface CustomerChurn {
  readonly churnedClients: number;
  readonly activeAtStart: number;
  readonly rate: number | null;
}

export interface ClientLtv extends Arpa {
  readonly churnRate: number | null;
  /** The period's churn rate spread over its length in months (a quarter's rate ÷ 3). */
  readonly monthlyChurnRate: number | null;
  /** Whole cents; null when nobody churned or nobody pays. */
  readonly ltvCents: number | null;
}

function arpaOf(clients: readonly ClientDocument[], period: ResolvedPeriod): Arpa {
  const { mrrCents, payingClients } = mrrSnapshot(clients, period.toInstant);
  const average = ratio(mrrCents, payingClients);
  return { arpaCents: average === null ? null : Math.round(average), mrrCents, payingClients };
}

function churnOf(clients: readonly ClientDocument[], period: ResolvedPeriod): CustomerChurn {
  const activeAtStart = clients.filter((client) => isActiveAt(client, period.fromInstant)).length;
  const churnedClients = clients.filter((client) =>
    client.activeIntervals.some((interval) => interval.to !== null && interval.to >= period.fromInstant && interval.to < period.toInstant),
  ).length;
  return { churnedClients, activeAtStart, rate: ratio(churnedClients, activeAtStart) };
}

/** arpa: mrr at the end of the period ÷ clients with a retainer in effect then. */
export async function arpa(context: KpiContext, period: Period): Promise<KpiResult<Arpa>> {
  const resolved = periodOf(context, period);
  const clients = await clientsOnboardedBefore(context, resolved.toInstant);
  return kpiResult(context, [clientsCollection], clients, arpaOf(clients, resolved));
}

/**
 * customerChurnRate: clients offboarded in the period (each counted once, whenever they joined) ÷
 * clients active at its start.
 */
export async function customerChurnRate(context: KpiContext, period: Period): Promise<KpiResult<CustomerChurn>> {
  const resolved = periodOf(context, period);
  const clients = await clientsOnboardedBefore(context, resolved.toInstant);
  return kpiResult(context, [clientsCollection], clients, churnOf(clients, resolved));
}

/** clientLtv: arpa at the end of the period ÷ monthly churn rate; null when churn is 0 or null. */
export async function clientLtv(context: KpiContext, period: Period): Promise<KpiResult<ClientLtv>> {
  const resolved = periodOf(context, period);
  const clients = await clientsOnboardedBefore(context, resolved.toInstant);
  const average = arpaOf(clients, resolved);
  const { rate } = churnOf(clients, resolved);
  const monthlyChurnRate = rate === null ? null : rate / monthsBetween(resolved.fromDate, resolved.toDate);
  const ltv = monthlyChurnRate === null || average.arpaCents === null ? null : ratio(average.arpaCents, monthlyChurnRate);
  return kpiResult(context, [clientsCollection], clients, { ...average, churnRate: rate, monthlyChurnRate, ltvCents: ltv === null ? null : Math.round(ltv) });
}
