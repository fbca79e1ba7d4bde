import { manualWorkReduction, manualWorkSaved, syncStatus, webhookDeliveries, workflowRuns } from '../../projections/operations';
import { rowsOf } from './kpi.type';
import { asIs, type KpiField, type KpiFields, kpiField } from './kpi-source';
import type { OperationsDashboard } from './operations-dashboard.type';
import type { ProjectionLagKpi } from './operations.type';
import { toToolActivity } from './operations.type';

/** `{ xero: {...} }` → `[{ source: 'xero', ... }]`: per-source records as rows naming their key. */
const keyedAs =
  <K extends string>(key: K) =>
  <V>(record: Readonly<Record<string, V>>) =>
    rowsOf(record).map((row) => ({ [key]: row.key, ...row.value }) as V & Record<K, string>);

const lowestOf = (positions: ReadonlyArray<bigint | null>): bigint | null =>
  positions.length === 0 || positions.includes(null) ? null : positions.reduce((lowest, next) => (next! < lowest! ? next : lowest));

/** Read from the runner, not the read models: what the live read models still have to apply. */
const projectionLag: KpiField<ProjectionLagKpi | null> = async ({ scope }) => {
  if (scope.asOf) return null;
  const runner = scope.services.projections;
  const lags = await runner.lag();
  return {
    value: lags.map((lag) => ({ projection: lag.name, eventsBehind: lag.eventsBehind, eventsBehindCapped: lag.eventsBehindCapped, secondsBehind: lag.secondsBehind })),
    eventCount: lags.reduce((total, lag) => total + lag.eventsBehind, 0),
    position: lowestOf(runner.status().map((status) => status.position)),
  };
};

export const operationsFields: KpiFields<OperationsDashboard> = {
  // Health is judged at an instant (stale after 2 intervals), so it is never cached.
  syncStatus: kpiField((context, _period, scope) => syncStatus(context, { asOf: scope.at.toISOString() }), keyedAs('source'), { varies: () => null }),
  webhookDeliveries: kpiField((context, period) => webhookDeliveries(context, period), toToolActivity),
  workflowRuns: kpiField(workflowRuns, keyedAs('workflow')),
  manualWorkSaved: kpiField(manualWorkSaved, (value) => ({ minutes: value.minutes, byWorkflow: rowsOf(value.byWorkflow) })),
  manualWorkReduction: kpiField(manualWorkReduction, asIs),
  projectionLag,
};
