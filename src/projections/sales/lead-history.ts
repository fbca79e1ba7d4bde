import { instantInPeriod, type ResolvedPeriod } from '../../core/business-time';
import { leadStages, type LeadStage } from '../../aggregates/lead/lead.events';
import type { LeadDocument, LeadSnapshot, LeadStatus } from './leads.projection';

/** The lead as it stood just before `instant` (a period end is exclusive); null if not yet captured. */
export function stateAt(lead: LeadDocument, instant: string): LeadSnapshot | null {
  let state: LeadSnapshot | null = null;
  for (const snapshot of lead.history) if (snapshot.at < instant) state = snapshot;
  return state;
}

/** Every stage the lead reached before `instant` (to date without one), reopened passes counted once. */
export function stagesReached(lead: LeadDocument, instant?: string): Set<LeadStage> {
  return new Set(lead.history.filter((snapshot) => instant === undefined || snapshot.at < instant).map((snapshot) => snapshot.stage));
}

/** The outcome of the lead's last win or loss in the period; null if it did not close in it. */
export function closedIn(lead: LeadDocument, period: ResolvedPeriod): Exclude<LeadStatus, 'open'> | null {
  let outcome: Exclude<LeadStatus, 'open'> | null = null;
  for (let index = 1; index < lead.history.length; index++) {
    const { status, at } = lead.history[index]!;
    if (status !== 'open' && lead.history[index - 1]!.status === 'open' && instantInPeriod(at, period)) outcome = status;
  }
  return outcome;
}

export const stageIndex = (stage: LeadStage) => leadStages.indexOf(stage);
