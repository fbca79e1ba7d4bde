import { leadStages, type LeadStage } from '../../aggregates/lead/lead.events';
import type { KpiContext } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { stagesReached, stateAt } from './lead-history';
import type { LeadDocument } from './leads.projection';

export type StageWinRates = Record<LeadStage, number | null>;

/**
 * Each stage's historical win rate as of `instant`: among leads closed (won or lost) in the
 * `windowDays` before it that had reached the stage, the share that was won. A won lead passed
 * through every stage, so a stage no closed lead reached means nothing was won: its rate is 0.
 * All rates are null when no lead closed in the window.
 */
export async function stageWinRatesAt(context: KpiContext, instant: string, windowDays: number): Promise<{ rates: StageWinRates; leads: LeadDocument[] }> {
  const from = new Date(Date.parse(instant) - windowDays * 86_400_000).toISOString();
  const { documents } = await context.reads.find<LeadDocument>('leads', { filter: { lastClosedAt: { $gte: from, $lt: instant } } });
  // A lead reopened before `instant` and still open then has no outcome yet.
  const closed = documents.filter((lead) => stateAt(lead, instant)?.status !== 'open');
  const rates = {} as StageWinRates;
  for (const stage of leadStages) {
    const reached = closed.filter((lead) => stagesReached(lead, instant).has(stage));
    const won = reached.filter((lead) => stateAt(lead, instant)?.status === 'won').length;
    rates[stage] = closed.length === 0 ? null : (ratio(won, reached.length) ?? 0);
  }
  return { rates, leads: closed };
}
