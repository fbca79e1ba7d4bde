import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { normaliseInstant } from '../../core/time';
import { ensure, ensureNonEmpty, ensurePositiveMoney } from '../shared/rules';
import type { CaptureLead, EstimateLeadValue, LeadCommand, LoseLead, MoveLeadStage, ReopenLead, WinLead } from './lead.commands';
import { leadSources, type LeadEvent } from './lead.events';
import { recordEmailEngagement, recordFormSubmission } from './lead-engagement.decide';
import { captured, ensureStage, evolveLead, openLead, stageIndex, stepsForward, type LeadState } from './lead.state';

export type { LeadState } from './lead.state';

export const leadStream = (leadId: string) => streamName('Lead', leadId);

export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'CaptureLead':
        return capture(command, state);
      case 'MoveLeadStage':
        return move(command, state);
      case 'EstimateLeadValue':
        return estimate(command, state);
      case 'WinLead':
        return win(command, state);
      case 'LoseLead':
        return lose(command, state);
      case 'ReopenLead':
        return reopen(command, state);
      case 'RecordEmailEngagement':
        return recordEmailEngagement(command, state);
      case 'RecordFormSubmission':
        return recordFormSubmission(command, state);
    }
  },
  evolve: evolveLead,
};

/**
 * A lead was captured when it first appeared, whatever order the captures arrive in: a capture dated
 * earlier than the recorded one backdates it, for a won or lost lead too (a fact about the past; a
 * win already follows the earlier capture). The first capture recorded keeps the attribution.
 */
function capture({ data, occurredAt }: CaptureLead, state: LeadState): LeadEvent[] {
  const capturedAt = normaliseInstant(occurredAt);
  if (state.status !== 'none' && capturedAt >= state.capturedAt) return [];
  ensureNonEmpty(data.name, 'name');
  ensure((leadSources as readonly string[]).includes(data.source), 'lead.invalid_source', `Unknown lead source "${data.source}"`, { allowed: leadSources });
  const { leadId, name, source } = data;
  if (state.status !== 'none') return [{ type: 'LeadCaptureBackdated', data: { leadId, capturedAt } }];
  return [
    {
      type: 'LeadCaptured',
      data: { leadId, name, email: data.email ?? null, company: data.company ?? null, source, campaignId: data.campaignId ?? null, stage: 'PROSPECT', capturedAt },
    },
  ];
}

function move({ data }: MoveLeadStage, state: LeadState): LeadEvent[] {
  const lead = openLead(state, data.leadId);
  ensureStage(data.to);
  ensure(stageIndex(data.to) >= stageIndex(lead.stage), 'lead.stage_backwards', `Lead ${data.leadId} is at ${lead.stage}; moving back to ${data.to} needs a reopen`, {
    stage: lead.stage,
  });
  return stepsForward(data.leadId, lead.stage, data.to);
}

function estimate({ data }: EstimateLeadValue, state: LeadState): LeadEvent[] {
  const lead = openLead(state, data.leadId);
  ensurePositiveMoney(data.valueCents, data.currency, 'lead.invalid_value', 'valueCents');
  if (lead.estimate?.valueCents === data.valueCents && lead.estimate.currency === data.currency) return [];
  const { leadId, valueCents, currency } = data;
  return [{ type: 'LeadValueEstimated', data: { leadId, valueCents, currency } }];
}

/** A won deal went through the whole pipeline: steps up to NEGOTIATION are recorded with the win. */
function win({ data, occurredAt }: WinLead, state: LeadState): LeadEvent[] {
  if (captured(state, data.leadId).status === 'won') return [];
  const lead = openLead(state, data.leadId);
  ensurePositiveMoney(data.valueCents, data.currency, 'lead.won_without_value', 'valueCents');
  const wonAt = normaliseInstant(occurredAt);
  ensure(wonAt >= lead.capturedAt, 'lead.won_before_capture', `A win at ${wonAt} precedes the capture at ${lead.capturedAt}`, { capturedAt: lead.capturedAt });
  const { leadId, valueCents, currency } = data;
  const { source, campaignId, capturedAt } = lead;
  return [
    ...stepsForward(leadId, lead.stage, 'NEGOTIATION'),
    { type: 'LeadWon', data: { leadId, clientId: data.clientId ?? null, valueCents, currency, source, campaignId, capturedAt, wonAt } },
  ];
}

function lose({ data }: LoseLead, state: LeadState): LeadEvent[] {
  if (captured(state, data.leadId).status === 'lost') return [];
  const lead = openLead(state, data.leadId);
  ensureNonEmpty(data.reason, 'reason');
  return [{ type: 'LeadLost', data: { leadId: data.leadId, stage: lead.stage, reason: data.reason } }];
}

/** Won is final: new business from a client is a new lead. */
function reopen({ data }: ReopenLead, state: LeadState): LeadEvent[] {
  const lead = captured(state, data.leadId);
  ensure(lead.status !== 'won', 'lead.already_won', `Lead ${data.leadId} was won and cannot be reopened`);
  ensureStage(data.toStage);
  ensure(stageIndex(data.toStage) <= stageIndex(lead.stage), 'lead.reopen_forward', `Reopening moves back, not forward from ${lead.stage} to ${data.toStage}`, {
    stage: lead.stage,
  });
  if (lead.status === 'open' && data.toStage === lead.stage) return [];
  return [{ type: 'LeadReopened', data: { leadId: data.leadId, fromStatus: lead.status, fromStage: lead.stage, toStage: data.toStage } }];
}
