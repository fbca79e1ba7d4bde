import { activeProjects, averageProjectDurationDays, billableHours, billableUtilisation, budgetBurn, onTimeDeliveryRate, projectsCompleted } from '../../projections/delivery';
import { projectMargin } from '../../projections/financial';
import { listOf, rowsOf } from './kpi.type';
import { asIs, type KpiFields, kpiField } from './kpi-source';
import type { ServiceDeliveryDashboard } from './service-delivery.type';

export const serviceDeliveryFields: KpiFields<ServiceDeliveryDashboard> = {
  activeProjects: kpiField(activeProjects, (value) => ({ total: value.total, byTier: rowsOf(value.byTier) })),
  projectsCompleted: kpiField(projectsCompleted, asIs),
  averageProjectDurationDays: kpiField(averageProjectDurationDays, (value) => ({ days: value.days, byTier: rowsOf(value.byTier) })),
  onTimeDeliveryRate: kpiField(onTimeDeliveryRate, asIs),
  billableHours: kpiField(billableHours, (value) => ({
    totalHours: value.totalHours,
    byProject: rowsOf(value.byProject),
    byConsultant: rowsOf(value.byConsultant),
  })),
  billableUtilisation: kpiField(billableUtilisation, (value) => ({ team: value.team, byConsultant: listOf(value.byConsultant) })),
  budgetBurn: kpiField((context, period) => budgetBurn(context, period), listOf),
  projectMargin: kpiField(projectMargin, (value) => ({ byProject: listOf(value.byProject), byTier: rowsOf(value.byTier) })),
};
