import { cac, leadsBySource, marketingRoi, pipelineValue, pipelineVelocity, salesCycleDays, stageConversion, winRate } from '../../projections/sales';
import { enumRowsOf } from './kpi.type';
import { asIs, type KpiFields, kpiField } from './kpi-source';
import type { SalesPipelineDashboard } from './sales-pipeline-dashboard.type';

export const salesPipelineFields: KpiFields<SalesPipelineDashboard> = {
  leadsBySource: kpiField(leadsBySource, (value) => ({ ...value, bySource: enumRowsOf(value.bySource) })),
  stageConversion: kpiField(stageConversion, asIs),
  winRate: kpiField(winRate, asIs),
  pipelineValue: kpiField((context, period) => pipelineValue(context, period), asIs),
  salesCycleDays: kpiField(salesCycleDays, asIs),
  pipelineVelocity: kpiField((context, period) => pipelineVelocity(context, period), asIs),
  cac: kpiField((context, period) => cac(context, period), asIs),
  marketingRoi: kpiField((context, period) => marketingRoi(context, period), asIs),
};
