import { clientRetentionRate, csat, firstResponseTime, nps, resolutionTime, ticketVolume } from '../../projections/support';
import type { ClientsSupportDashboard } from './clients-support.type';
import { enumRowsOf, rowsOf } from './kpi.type';
import { asIs, type KpiFields, kpiField } from './kpi-source';

export const clientsSupportFields: KpiFields<ClientsSupportDashboard> = {
  ticketVolume: kpiField(ticketVolume, (value) => ({
    opened: value.opened,
    byChannel: enumRowsOf(value.byChannel),
    byPriority: enumRowsOf(value.byPriority),
    byClient: rowsOf(value.byClient),
  })),
  firstResponseTime: kpiField(firstResponseTime, asIs),
  resolutionTime: kpiField(resolutionTime, asIs),
  csat: kpiField(csat, asIs),
  nps: kpiField(nps, asIs),
  clientRetentionRate: kpiField(clientRetentionRate, asIs),
};
