import { DashboardsResolver } from './dashboards.resolver';

/** The KPI dashboards (kpis.md): one query per area, plus the targets. */
export const dashboardResolvers: Function[] = [DashboardsResolver];
