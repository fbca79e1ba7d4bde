import { type KpiTarget as DomainKpiTarget, kpiTargets, type TargetKpi } from '../../projections/targets';
import type { KpiTargetOverridesInput } from './dashboard-args.inputs';
import { businessDateOf, type KpiField, kpiField, type KpiValue } from './kpi-source';
import type { KpiTarget } from './kpi-targets.type';

const percent = (fraction: number | null) => (fraction === null ? null : `${(fraction * 100).toFixed(1)} %`);

const toKpiTarget = (target: DomainKpiTarget): KpiTarget => ({ ...target, valuePercent: percent(target.value) });

/** Overrides as the query's options: only the targets the caller set. */
function targetsOf(overrides: KpiTargetOverridesInput | null | undefined): Partial<Record<TargetKpi, number>> {
  return Object.fromEntries(Object.entries({ ...overrides }).filter(([, value]) => typeof value === 'number'));
}

export function kpiTargetsField(overrides: KpiTargetOverridesInput | null | undefined): KpiField<KpiValue<KpiTarget[]>> {
  const targets = targetsOf(overrides);
  return kpiField((context, period, scope) => kpiTargets(context, period, { targets, asOf: businessDateOf(scope) }), (rows) => rows.map(toKpiTarget), {
    varies: (scope) => `${businessDateOf(scope)}|${JSON.stringify(targets)}`,
  });
}
