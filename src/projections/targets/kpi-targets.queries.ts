import type { Period } from '../../core/business-time';
import { billableUtilisation } from '../delivery';
import { paidWithin30DaysRate } from '../financial';
import { manualWorkReduction } from '../operations';
import type { KpiContext, KpiResult } from '../shared/kpi';
import { csat } from '../support';

export const targetKpis = ['csat', 'billableUtilisation', 'paidWithin30DaysRate', 'manualWorkReduction'] as const;
export type TargetKpi = (typeof targetKpis)[number];

/**
 * MET at or above the target; AT_RISK below it by at most 5 percentage points; MISSED further
 * below; NO_DATA when the KPI has no value for the period (a zero denominator).
 */
export type TargetStatus = 'MET' | 'AT_RISK' | 'MISSED' | 'NO_DATA';

/** Minimum fractions each KPI should reach (kpis.md). */
export const defaultTargets: Readonly<Record<TargetKpi, number>> = { csat: 0.9, billableUtilisation: 0.8, paidWithin30DaysRate: 0.95, manualWorkReduction: 0.5 };

export const atRiskMargin = 0.05;

export interface KpiTarget {
  readonly kpi: TargetKpi;
  readonly value: number | null;
  readonly target: number;
  readonly status: TargetStatus;
}

export interface KpiTargetsOptions {
  /** Overrides of `defaultTargets`, as fractions. */
  readonly targets?: Partial<Record<TargetKpi, number>>;
  /** Business date paidWithin30DaysRate judges the 30 days on; defaults to today. */
  readonly asOf?: string;
}

// Fractions like 0.8 − 0.05 are not exact in binary; a value on the boundary must not fall off it.
const tolerance = 1e-9;

export function targetStatus(value: number | null, target: number): TargetStatus {
  if (value === null) return 'NO_DATA';
  if (value >= target - tolerance) return 'MET';
  return value >= target - atRiskMargin - tolerance ? 'AT_RISK' : 'MISSED';
}

type Reading = { kpi: TargetKpi; result: KpiResult<number | null> };

async function read<T>(kpi: TargetKpi, query: Promise<KpiResult<T>>, pick: (value: T) => number | null): Promise<Reading> {
  const result = await query;
  return { kpi, result: { ...result, value: pick(result.value) } };
}

/** The value each target KPI reports for the period, with the freshness of the query behind it. */
function readings(context: KpiContext, period: Period, options: KpiTargetsOptions): Promise<Reading[]> {
  return Promise.all([
    read('csat', csat(context, period), (value) => value.rate),
    read('billableUtilisation', billableUtilisation(context, period), (value) => value.team.utilisation),
    read('paidWithin30DaysRate', paidWithin30DaysRate(context, period, options.asOf ? { asOf: options.asOf } : {}), (value) => value.rate),
    read('manualWorkReduction', manualWorkReduction(context, period), (value) => value.rate),
  ]);
}

/**
 * kpiTargets: csat, team billableUtilisation, paidWithin30DaysRate and manualWorkReduction for the
 * period, each with its target (defaults 0.90, 0.80, 0.95, 0.50, overridable) and status (see
 * `TargetStatus`). Freshness: events summed over the four queries, the lowest of their positions.
 */
export async function kpiTargets(context: KpiContext, period: Period, options: KpiTargetsOptions = {}): Promise<KpiResult<KpiTarget[]>> {
  const targets = { ...defaultTargets, ...options.targets };
  const results = await readings(context, period, options);
  const value = results.map(({ kpi, result }) => ({ kpi, value: result.value, target: targets[kpi], status: targetStatus(result.value, targets[kpi]) }));
  const positions = results.map(({ result }) => result.position);
  const position = positions.includes(null) ? null : positions.reduce((lowest, next) => (next! < lowest! ? next : lowest));
  return { value, eventCount: results.reduce((total, { result }) => total + result.eventCount, 0), position };
}
