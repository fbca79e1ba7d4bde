import { graphqlData } from './graphql-call';

/** The dashboards' answers the webhook workload feeds: support, cash and leads. */
const kpiQuery = `query ($period: PeriodInput!) {
  clientsSupportDashboard(period: $period) {
    csat { eventCount value { rate ratings satisfied } }
    firstResponseTime { eventCount value { medianMinutes p90Minutes tickets } }
    resolutionTime { eventCount value { medianMinutes p90Minutes tickets } }
    ticketVolume { eventCount value { opened byChannel { key value } byPriority { key value } byClient { key value } } }
  }
  financialDashboard(period: $period) {
    cashFlow { eventCount value { inflowCents outflowCents netCents } }
    paidWithin30DaysRate { eventCount value { eligible issued } }
  }
  salesPipelineDashboard(period: $period) {
    leadsBySource { eventCount value { captured bySource { key value } } }
  }
}`;

export const workloadPeriod = { from: '2026-05-01', to: '2026-09-01' };

/** KPI answers as a dashboard receives them; `position` is left out, as it is where in the log, not what. */
export async function kpiAnswers(baseUrl: string, key: string): Promise<Record<string, unknown>> {
  const data = await graphqlData(baseUrl, key, kpiQuery, { period: workloadPeriod });
  return JSON.parse(JSON.stringify(data, (field, value: unknown) => (field === 'position' ? undefined : value)));
}

/** Top-level KPI paths whose answers differ (`clientsSupportDashboard.csat`, …). */
export function differingKpis(left: Record<string, any>, right: Record<string, any>): string[] {
  return Object.keys(left).flatMap((dashboard) =>
    Object.keys(left[dashboard] ?? {}).filter((kpi) => JSON.stringify(left[dashboard][kpi]) !== JSON.stringify(right[dashboard]?.[kpi])).map((kpi) => `${dashboard}.${kpi}`),
  );
}
