import { ensure, ensureNonEmpty } from '../shared/rules';
import type { RecordEmailEngagement, RecordFormSubmission } from './lead.commands';
import { emailEngagementKinds, type LeadEvent } from './lead.events';
import { captured, type LeadState } from './lead.state';

/** Marketing touches are facts whatever the lead's status, so closed leads record them too. */
export function recordEmailEngagement({ data }: RecordEmailEngagement, state: LeadState): LeadEvent[] {
  const lead = captured(state, data.leadId);
  if (lead.engagementIds.has(data.engagementId)) return [];
  ensureNonEmpty(data.engagementId, 'engagementId');
  ensureNonEmpty(data.emailId, 'emailId');
  ensure((emailEngagementKinds as readonly string[]).includes(data.kind), 'lead.invalid_engagement_kind', `Unknown email engagement "${data.kind}"`, {
    allowed: emailEngagementKinds,
  });
  const { leadId, engagementId, kind, emailId } = data;
  return [{ type: 'LeadEmailEngaged', data: { leadId, engagementId, kind, emailId, campaignId: data.campaignId ?? null } }];
}

export function recordFormSubmission({ data }: RecordFormSubmission, state: LeadState): LeadEvent[] {
  const lead = captured(state, data.leadId);
  if (lead.submissionIds.has(data.submissionId)) return [];
  ensureNonEmpty(data.submissionId, 'submissionId');
  ensureNonEmpty(data.formId, 'formId');
  const { leadId, submissionId, formId } = data;
  return [{ type: 'LeadFormSubmitted', data: { leadId, submissionId, formId, campaignId: data.campaignId ?? null } }];
}
