import { ensure } from '../shared/rules';
import { leadStages, type LeadEvent, type LeadSource, type LeadStage, type LeadStageChanged } from './lead.events';

export type CapturedLead = {
  status: 'open' | 'won' | 'lost';
  leadId: string;
  stage: LeadStage;
  source: LeadSource;
  campaignId: string | null;
  capturedAt: string;
  estimate: { valueCents: number; currency: string } | null;
  engagementIds: ReadonlySet<string>;
  submissionIds: ReadonlySet<string>;
};

export type LeadState = { status: 'none' } | CapturedLead;

export function captured(state: LeadState, leadId: string): CapturedLead {
  ensure(state.status !== 'none', 'lead.not_captured', `Lead ${leadId} has not been captured`);
  return state;
}

/** Open leads only: a won or lost lead moves again only after `ReopenLead`. */
export function openLead(state: LeadState, leadId: string): CapturedLead {
  const lead = captured(state, leadId);
  ensure(lead.status === 'open', 'lead.closed', `Lead ${leadId} is ${lead.status}; reopen it first`, { status: lead.status });
  return lead;
}

export function ensureStage(stage: string): asserts stage is LeadStage {
  ensure((leadStages as readonly string[]).includes(stage), 'lead.invalid_stage', `Unknown stage "${stage}"`, { allowed: leadStages });
}

export const stageIndex = (stage: LeadStage) => leadStages.indexOf(stage);

/** One `LeadStageChanged` per stage between `from` (exclusive) and `to` (inclusive). */
export function stepsForward(leadId: string, from: LeadStage, to: LeadStage): LeadStageChanged[] {
  const steps: LeadStageChanged[] = [];
  for (let index = stageIndex(from); index < stageIndex(to); index++) {
    steps.push({ type: 'LeadStageChanged', data: { leadId, from: leadStages[index]!, to: leadStages[index + 1]! } });
  }
  return steps;
}

export function evolveLead(state: LeadState, event: LeadEvent): LeadState {
  if (event.type === 'LeadCaptured') {
    const { leadId, source, campaignId, capturedAt } = event.data;
    return { status: 'open', leadId, stage: 'PROSPECT', source, campaignId, capturedAt, estimate: null, engagementIds: new Set(), submissionIds: new Set() };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'LeadCaptureBackdated':
      return { ...state, capturedAt: event.data.capturedAt };
    case 'LeadStageChanged':
      return { ...state, stage: event.data.to };
    case 'LeadValueEstimated':
      return { ...state, estimate: { valueCents: event.data.valueCents, currency: event.data.currency } };
    case 'LeadWon':
      return { ...state, status: 'won' };
    case 'LeadLost':
      return { ...state, status: 'lost' };
    case 'LeadReopened':
      return { ...state, status: 'open', stage: event.data.toStage };
    case 'LeadEmailEngaged':
      return { ...state, engagementIds: new Set([...state.engagementIds, event.data.engagementId]) };
    case 'LeadFormSubmitted':
      return { ...state, submissionIds: new Set([...state.submissionIds, event.data.submissionId]) };
    default:
      return state;
  }
}
