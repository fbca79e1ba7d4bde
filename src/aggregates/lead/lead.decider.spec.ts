import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { LeadCommand } from './lead.commands';
import { leadDecider } from './lead.decider';
import type { LeadEvent, LeadStage } from './lead.events';

const spec = deciderSpec(leadDecider);
const capturedAt = '2026-03-02T00:00:00.000Z';
const at = '2026-03-20T00:00:00.000Z';

const leadCaptured: LeadEvent = {
  type: 'LeadCaptured',
  data: { leadId: 'l-1', name: 'Ada', email: 'ada@example.com', company: null, source: 'email_campaign', campaignId: 'cmp-1', stage: 'PROSPECT', capturedAt },
};
const capture: LeadCommand = {
  type: 'CaptureLead',
  occurredAt: '2026-03-02T10:00:00+10:00',
  data: { leadId: 'l-1', name: 'Ada', email: 'ada@example.com', source: 'email_campaign', campaignId: 'cmp-1' },
};
const command = <C extends LeadCommand>(type: C['type'], data: Omit<C['data'], 'leadId'>, occurredAt = at) =>
  ({ type, occurredAt, data: { leadId: 'l-1', ...data } }) as LeadCommand;
const moveTo = (to: LeadStage) => command('MoveLeadStage', { to });
const reopenTo = (toStage: LeadStage) => command('ReopenLead', { toStage });
const changed = (from: LeadStage, to: LeadStage): LeadEvent => ({ type: 'LeadStageChanged', data: { leadId: 'l-1', from, to } });
const win = (valueCents: number, currency = 'AUD') => command('WinLead', { valueCents, currency, clientId: 'c-9' });
const won: LeadEvent = {
  type: 'LeadWon',
  data: { leadId: 'l-1', clientId: 'c-9', valueCents: 500_000, currency: 'AUD', source: 'email_campaign', campaignId: 'cmp-1', capturedAt, wonAt: at },
};
const lose = command('LoseLead', { reason: 'budget' });
const lost = (stage: LeadStage): LeadEvent => ({ type: 'LeadLost', data: { leadId: 'l-1', stage, reason: 'budget' } });
const qualified = [leadCaptured, changed('PROSPECT', 'QUALIFIED')];
const atProposal = [...qualified, changed('QUALIFIED', 'PROPOSAL')];

describe('lead decider: pipeline', () => {
  it('captures a lead as a prospect with its source and campaign', () => spec.given([]).when(capture).then([leadCaptured]));

  it('keeps the first capture when the lead is captured again (first touch)', () =>
    spec.given([leadCaptured]).when(command('CaptureLead', { name: 'Ada L.', source: 'referral' })).thenNothingHappens());

  it('rejects a source outside the known set', () =>
    spec.given([]).when(command('CaptureLead', { name: 'Ada', source: 'tv' as never })).thenRejects('lead.invalid_source'));

  it('moves a lead one stage forward', () => spec.given([leadCaptured]).when(moveTo('QUALIFIED')).then([changed('PROSPECT', 'QUALIFIED')]));

  it('records every stage passed when a move skips stages', () =>
    spec.given([leadCaptured]).when(moveTo('PROPOSAL')).then([changed('PROSPECT', 'QUALIFIED'), changed('QUALIFIED', 'PROPOSAL')]));

  it('treats a move to the current stage as a no-op', () => spec.given(qualified).when(moveTo('QUALIFIED')).thenNothingHappens());

  it('refuses to move a lead backwards', () => spec.given(atProposal).when(moveTo('QUALIFIED')).thenRejects('lead.stage_backwards'));

  it('rejects a stage outside the pipeline', () => spec.given(qualified).when(moveTo('WON' as never)).thenRejects('lead.invalid_stage'));

  it('refuses to move a lead that was never captured', () => spec.given([]).when(moveTo('QUALIFIED')).thenRejects('lead.not_captured'));

  it('refuses to move a lost lead until it is reopened', () =>
    spec.given([...qualified, lost('QUALIFIED')]).when(moveTo('PROPOSAL')).thenRejects('lead.closed'));

  it('refuses to move a won lead', () => spec.given([...atProposal, changed('PROPOSAL', 'NEGOTIATION'), won]).when(moveTo('NEGOTIATION')).thenRejects('lead.closed'));

  it('records an estimated value for an open lead', () =>
    spec.given(qualified).when(command('EstimateLeadValue', { valueCents: 300_000, currency: 'AUD' })).then([
      { type: 'LeadValueEstimated', data: { leadId: 'l-1', valueCents: 300_000, currency: 'AUD' } },
    ]));

  it('treats the same estimate twice as a no-op', () =>
    spec
      .given([...qualified, { type: 'LeadValueEstimated', data: { leadId: 'l-1', valueCents: 300_000, currency: 'AUD' } }])
      .when(command('EstimateLeadValue', { valueCents: 300_000, currency: 'AUD' }))
      .thenNothingHappens());
});

describe('lead decider: capture time', () => {
  const captureAt = (occurredAt: string) => command('CaptureLead', { name: 'Ada', source: 'website' }, occurredAt);
  const backdated = (to: string): LeadEvent => ({ type: 'LeadCaptureBackdated', data: { leadId: 'l-1', capturedAt: to } });
  const earlier = '2026-03-01T23:59:59.000Z';
  const wonLead = [...atProposal, changed('PROPOSAL', 'NEGOTIATION'), won];

  it('backdates the capture when an earlier capture arrives after it, keeping the first attribution', () =>
    spec.given([leadCaptured]).when(captureAt('2026-03-02T09:59:59+10:00')).then([backdated(earlier)]));

  it('keeps the capture time when a capture at the same instant arrives, whatever its offset', () =>
    spec.given([leadCaptured]).when(captureAt('2026-03-02T10:00:00+10:00')).thenNothingHappens());

  it('treats the earlier capture delivered again as a no-op once backdated', () =>
    spec.given([leadCaptured, backdated(earlier)]).when(captureAt(earlier)).thenNothingHappens());

  it('keeps the earliest time when a capture between it and the first recorded arrives', () =>
    spec.given([leadCaptured, backdated(earlier)]).when(captureAt('2026-03-02T00:00:00.000Z')).thenNothingHappens());

  it('backdates the capture of a lost lead and of a won lead: it is a fact about the past', () => {
    spec.given([...qualified, lost('QUALIFIED')]).when(captureAt(earlier)).then([backdated(earlier)]);
    spec.given(wonLead).when(captureAt(earlier)).then([backdated(earlier)]);
  });

  it('accepts a win dated between the earliest capture and the first one recorded', () =>
    spec.given([...qualified, backdated(earlier)]).when(command('WinLead', { valueCents: 1, currency: 'AUD' }, '2026-03-01T23:59:59.500Z')).then([
      changed('QUALIFIED', 'PROPOSAL'),
      changed('PROPOSAL', 'NEGOTIATION'),
      { type: 'LeadWon', data: { leadId: 'l-1', clientId: null, valueCents: 1, currency: 'AUD', source: 'email_campaign', campaignId: 'cmp-1', capturedAt: earlier, wonAt: '2026-03-01T23:59:59.500Z' } },
    ]));

  it('rejects an earlier capture with a source outside the known set, as a first capture', () =>
    spec.given([leadCaptured]).when(command('CaptureLead', { name: 'Ada', source: 'tv' as never }, earlier)).thenRejects('lead.invalid_source'));
});

describe('lead decider: closing and reopening', () => {
  it('wins a lead in negotiation', () => spec.given([...atProposal, changed('PROPOSAL', 'NEGOTIATION')]).when(win(500_000)).then([won]));

  it('records the stages up to negotiation when a lead is won early', () =>
    spec.given(atProposal).when(win(500_000)).then([changed('PROPOSAL', 'NEGOTIATION'), won]));

  it('refuses a win without a positive value', () => {
    for (const valueCents of [0, -1, 99.5, undefined as unknown as number]) spec.given(qualified).when(win(valueCents)).thenRejects('lead.won_without_value');
  });

  it('refuses a win dated before the capture', () =>
    spec.given(qualified).when(command('WinLead', { valueCents: 1, currency: 'AUD' }, '2026-03-01T00:00:00.000Z')).thenRejects('lead.won_before_capture'));

  it('treats winning a won lead as a no-op', () => spec.given([...atProposal, changed('PROPOSAL', 'NEGOTIATION'), won]).when(win(500_000)).thenNothingHappens());

  it('refuses to win a lost lead', () => spec.given([...qualified, lost('QUALIFIED')]).when(win(500_000)).thenRejects('lead.closed'));

  it('loses a lead at its current stage', () => spec.given(atProposal).when(lose).then([lost('PROPOSAL')]));

  it('treats losing a lost lead as a no-op', () => spec.given([...qualified, lost('QUALIFIED')]).when(lose).thenNothingHappens());

  it('reopens a lost lead at an earlier stage', () =>
    spec.given([...atProposal, lost('PROPOSAL')]).when(reopenTo('QUALIFIED')).then([
      { type: 'LeadReopened', data: { leadId: 'l-1', fromStatus: 'lost', fromStage: 'PROPOSAL', toStage: 'QUALIFIED' } },
    ]));

  it('moves an open lead back through a reopen', () =>
    spec.given(atProposal).when(reopenTo('PROSPECT')).then([
      { type: 'LeadReopened', data: { leadId: 'l-1', fromStatus: 'open', fromStage: 'PROPOSAL', toStage: 'PROSPECT' } },
    ]));

  it('lets a reopened lead move forward again', () =>
    spec
      .given([...atProposal, lost('PROPOSAL'), { type: 'LeadReopened', data: { leadId: 'l-1', fromStatus: 'lost', fromStage: 'PROPOSAL', toStage: 'QUALIFIED' } }])
      .when(moveTo('PROPOSAL'))
      .then([changed('QUALIFIED', 'PROPOSAL')]));

  it('treats reopening an open lead at its own stage as a no-op', () => spec.given(qualified).when(reopenTo('QUALIFIED')).thenNothingHappens());

  it('refuses a reopen that moves forward', () => spec.given(qualified).when(reopenTo('PROPOSAL')).thenRejects('lead.reopen_forward'));

  it('refuses to reopen a won lead', () => spec.given([...atProposal, changed('PROPOSAL', 'NEGOTIATION'), won]).when(reopenTo('PROPOSAL')).thenRejects('lead.already_won'));
});

describe('lead decider: marketing touches', () => {
  const engage = (engagementId: string, kind = 'opened') =>
    command('RecordEmailEngagement', { engagementId, kind: kind as 'opened', emailId: 'e-1', campaignId: 'cmp-2' });
  const engaged: LeadEvent = { type: 'LeadEmailEngaged', data: { leadId: 'l-1', engagementId: 'g-1', kind: 'opened', emailId: 'e-1', campaignId: 'cmp-2' } };
  const submit = command('RecordFormSubmission', { submissionId: 's-1', formId: 'f-1' });
  const submitted: LeadEvent = { type: 'LeadFormSubmitted', data: { leadId: 'l-1', submissionId: 's-1', formId: 'f-1', campaignId: null } };

  it('records an email open with the email campaign', () => spec.given([leadCaptured]).when(engage('g-1')).then([engaged]));

  it('treats the same engagement id twice as a no-op', () => spec.given([leadCaptured, engaged]).when(engage('g-1')).thenNothingHappens());

  it('rejects an engagement kind other than opened or clicked', () =>
    spec.given([leadCaptured]).when(engage('g-2', 'bounced')).thenRejects('lead.invalid_engagement_kind'));

  it('records engagement on a lost lead', () =>
    spec.given([leadCaptured, lost('PROSPECT')]).when(engage('g-1')).then([engaged]));

  it('refuses engagement for a lead that was never captured', () => spec.given([]).when(engage('g-1')).thenRejects('lead.not_captured'));

  it('records a form submission', () => spec.given([leadCaptured]).when(submit).then([submitted]));

  it('treats the same submission id twice as a no-op', () => spec.given([leadCaptured, submitted]).when(submit).thenNothingHappens());
});
