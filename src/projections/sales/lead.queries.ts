import type { Period } from '../../core/business-time';
import { leadStages } from '../../aggregates/lead/lead.events';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { ratio, sumBy } from '../shared/kpi-math';
import { instantsIn } from '../shared/period-filter';
import { stagesReached } from './lead-history';
import type { LeadDocument } from './leads.projection';

export interface LeadsBySource {
  readonly captured: number;
  readonly bySource: Record<string, number>;
  /** One row per source and campaign (null: no campaign), sorted by source then campaign. */
  readonly bySourceAndCampaign: Array<{ source: string; campaignId: string | null; leads: number }>;
}

/** A pipeline step; WON is the step after NEGOTIATION. */
export type ConversionStage = (typeof leadStages)[number] | 'WON';

export interface StageConversionRow {
  readonly stage: ConversionStage;
  readonly reached: number;
  /** Reached the next step ÷ reached this one; null for WON and for a stage nobody reached. */
  readonly nextStep: number | null;
  /** Reached this step ÷ leads captured. */
  readonly cumulative: number | null;
}

export interface StageConversion {
  readonly captured: number;
  readonly stages: StageConversionRow[];
}

const conversionStages: readonly ConversionStage[] = [...leadStages, 'WON'];

async function leadsCapturedIn(context: KpiContext, period: Period): Promise<LeadDocument[]> {
  const filter = { capturedAt: instantsIn(periodOf(context, period)) };
  return (await context.reads.find<LeadDocument>('leads', { filter })).documents;
}

/** leadsBySource: leads captured in the period, by first-touch source and by source × campaign. */
export async function leadsBySource(context: KpiContext, period: Period): Promise<KpiResult<LeadsBySource>> {
  const leads = await leadsCapturedIn(context, period);
  const rows = new Map<string, { source: string; campaignId: string | null; leads: number }>();
  for (const { source, campaignId } of leads) {
    const key = JSON.stringify([source, campaignId]);
    const row = rows.get(key) ?? { source, campaignId, leads: 0 };
    rows.set(key, { ...row, leads: row.leads + 1 });
  }
  const bySourceAndCampaign = [...rows.values()].sort((a, b) => a.source.localeCompare(b.source) || (a.campaignId ?? '').localeCompare(b.campaignId ?? ''));
  return kpiResult(context, ['leads'], leads, { captured: leads.length, bySource: sumBy(leads, (lead) => lead.source, () => 1), bySourceAndCampaign });
}

/**
 * stageConversion: for the cohort of leads captured in the period, how many reached each stage to
 * date (each lead once per stage, however often a reopen took it there; skipped stages count as
 * reached), next-step = reached the next step ÷ reached this one, cumulative = reached ÷ captured.
 */
export async function stageConversion(context: KpiContext, period: Period): Promise<KpiResult<StageConversion>> {
  const leads = await leadsCapturedIn(context, period);
  const reachedBy = leads.map((lead) => {
    const reached = stagesReached(lead) as Set<ConversionStage>;
    if (lead.status === 'won') reached.add('WON');
    return reached;
  });
  const counts = conversionStages.map((stage) => reachedBy.filter((reached) => reached.has(stage)).length);
  const stages = conversionStages.map((stage, index) => ({
    stage,
    reached: counts[index]!,
    nextStep: index + 1 < counts.length ? ratio(counts[index + 1]!, counts[index]!) : null,
    cumulative: ratio(counts[index]!, leads.length),
  }));
  return kpiResult(context, ['leads'], leads, { captured: leads.length, stages });
}
