import type { Period } from '../../core/business-time';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { clientMrrAt, mrrChanges, type MrrMovementKind } from './client-timeline';
import { clientsCollection } from './clients.projection';
import { clientsWithRetainersBefore, mrrAt, type MrrSnapshot } from './clients.queries';

/**
 * mrr: Σ monthly amounts (annual retainers at 1/12) of the retainers in effect at the end of the
 * period — after every fact before `to`, none at or after it — with `byTier` by each client's tier
 * at that instant and the number of paying clients.
 */
export async function mrr(context: KpiContext, period: Period): Promise<KpiResult<MrrSnapshot>> {
  const { snapshot, clients } = await mrrAt(context, periodOf(context, period).toInstant);
  return kpiResult(context, [clientsCollection], clients, snapshot);
}

export interface Arr {
  readonly arrCents: number;
  readonly byTier: Record<string, number>;
}

/** arr: mrr at the end of the period × 12, in total and by tier. */
export async function arr(context: KpiContext, period: Period): Promise<KpiResult<Arr>> {
  const { snapshot, clients } = await mrrAt(context, periodOf(context, period).toInstant);
  const byTier = Object.fromEntries(Object.entries(snapshot.byTier).map(([tier, cents]) => [tier, cents * 12]));
  return kpiResult(context, [clientsCollection], clients, { arrCents: snapshot.mrrCents * 12, byTier });
}

export interface MrrMovements {
  readonly startMrrCents: number;
  readonly endMrrCents: number;
  readonly newCents: number;
  readonly expansionCents: number;
  readonly contractionCents: number;
  readonly churnCents: number;
  readonly reactivationCents: number;
  /** new + expansion + reactivation − contraction − churn = endMrrCents − startMrrCents. */
  readonly netNewCents: number;
  /** How many movements of each kind (a client can move more than once in a period). */
  readonly counts: Record<MrrMovementKind, number>;
}

/**
 * mrrMovements over [from, to), per client, facts at one instant netted: 0 → >0 is `new`, or
 * `reactivation` when the client had a retainer before; >0 → 0 is `churn` (its last retainer
 * ended); otherwise `expansion` or `contraction`. A client reactivated without a retainer moves
 * nothing until one starts.
 */
export async function mrrMovements(context: KpiContext, period: Period): Promise<KpiResult<MrrMovements>> {
  const { fromInstant, toInstant } = periodOf(context, period);
  const clients = await clientsWithRetainersBefore(context, toInstant);
  const totals: Record<MrrMovementKind, number> = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
  const counts: Record<MrrMovementKind, number> = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
  for (const change of clients.flatMap((client) => mrrChanges(client, fromInstant, toInstant))) {
    totals[change.kind] += change.amountCents;
    counts[change.kind]++;
  }
  const sumAt = (instant: string) => clients.reduce((total, client) => total + clientMrrAt(client, instant), 0);
  return kpiResult(context, [clientsCollection], clients, {
    startMrrCents: sumAt(fromInstant),
    endMrrCents: sumAt(toInstant),
    newCents: totals.new,
    expansionCents: totals.expansion,
    contractionCents: totals.contraction,
    churnCents: totals.churn,
    reactivationCents: totals.reactivation,
    netNewCents: totals.new + totals.expansion + totals.reactivation - totals.contraction - totals.churn,
    counts,
  });
}
