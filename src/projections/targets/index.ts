import type { Projection } from '../../core/projection';

/** Targets read the other areas' read models; they keep none of their own. */
export const targetsProjections: Projection[] = [];

export { atRiskMargin, defaultTargets, kpiTargets, targetKpis, targetStatus, type KpiTarget, type KpiTargetsOptions, type TargetKpi, type TargetStatus } from './kpi-targets.queries';
