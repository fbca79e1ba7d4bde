import { resolvePeriod } from '../../core/business-time';
import { seriesSlots } from '../../projections/shared/series-buckets';
import { defaultTargets, targetStatus } from '../../projections/targets';
import type { KpiSource } from './kpi-source';
import { seriesKpis } from './kpi-series.registry';
import type { KpiSeries, KpiSeriesArgs } from './kpi-series.type';

/**
 * One point per calendar slot of the period, each the KPI's dashboard field over that slot:
 * a point and a dashboard asking for the same slot share one cached value.
 */
export async function kpiSeriesOf(source: KpiSource, args: KpiSeriesArgs): Promise<KpiSeries> {
  const definition = seriesKpis[args.kpi];
  const { fromDate, toDate } = resolvePeriod(source.scope.period, source.scope.context.timeZone);
  const target = definition.target ? defaultTargets[definition.target] : null;
  const points = await Promise.all(
    seriesSlots(fromDate, toDate, args.bucket).map(async (slot) => {
      const result = await definition.field(source.over(slot), definition.name);
      const value = definition.plot(result.value as never);
      return { ...slot, value, eventCount: result.eventCount, position: result.position, targetStatus: target === null ? null : targetStatus(value, target) };
    }),
  );
  return { kpi: args.kpi, bucket: args.bucket, target, points };
}
