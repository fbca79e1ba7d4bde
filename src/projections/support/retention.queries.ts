import type { Period } from '../../core/business-time';
import { clientsActiveAt, isActiveAt } from '../financial';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';

export interface ClientRetention {
  /** retained ÷ activeAtStart; null when no client was active at the start. */
  readonly rate: number | null;
  readonly activeAtStart: number;
  readonly retained: number;
}

/**
 * clientRetentionRate: clients active at the period start that are active at its end ÷ clients
 * active at its start (from `clients`). A client that left and was reactivated within the period
 * is retained; clients onboarded during the period are in neither count.
 */
export async function clientRetentionRate(context: KpiContext, period: Period): Promise<KpiResult<ClientRetention>> {
  const { fromInstant, toInstant } = periodOf(context, period);
  const atStart = await clientsActiveAt(context, fromInstant);
  const retained = atStart.filter((client) => isActiveAt(client, toInstant)).length;
  return kpiResult(context, ['clients'], atStart, { rate: ratio(retained, atStart.length), activeAtStart: atStart.length, retained });
}
