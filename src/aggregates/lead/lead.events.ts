import type { DomainEvent } from '../../core/messages';

/** The open pipeline, in order. Winning and losing close a lead; they are not stages. */
export const leadStages = ['PROSPECT', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'] as const;
export type LeadStage = (typeof leadStages)[number];

/** First-touch source; each tool's value maps onto one of these at ingest, anything else is `other`. */
export const leadSources = ['website', 'referral', 'linkedin', 'email_campaign', 'paid_ads', 'event', 'other'] as const;
export type LeadSource = (typeof leadSources)[number];

export const emailEngagementKinds = ['opened', 'clicked'] as const;
export type EmailEngagementKind = (typeof emailEngagementKinds)[number];

/** Every lead starts as a PROSPECT; `capturedAt` is an ISO instant in UTC. */
export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  {
    leadId: string;
    name: string;
    email: string | null;
    company: string | null;
    source: LeadSource;
    campaignId: string | null;
    stage: 'PROSPECT';
    capturedAt: string;
  }
>;

/**
 * A capture earlier than the one recorded arrived later (webhooks come in any order): the lead was
 * captured at `capturedAt`, an ISO instant in UTC. Attribution stays as first recorded. A `LeadWon`
 * recorded before it carries the capture time then known.
 */
export type LeadCaptureBackdated = DomainEvent<'LeadCaptureBackdated', { leadId: string; capturedAt: string }>;

/**
 * One step forward in the pipeline: `to` is always the stage right after `from`. A move that skips
 * stages, and a win from before NEGOTIATION, record every step at the same instant, so each stage a
 * lead passed through appears as a `to` (after a reopen, a lead can reach a stage again).
 */
export type LeadStageChanged = DomainEvent<'LeadStageChanged', { leadId: string; from: LeadStage; to: LeadStage }>;

/** The expected deal value of an open lead, for pipeline value; the latest estimate counts. */
export type LeadValueEstimated = DomainEvent<'LeadValueEstimated', { leadId: string; valueCents: number; currency: string }>;

/** Carries the attribution and `capturedAt`, so sales cycle and ROI need no lookup; `wonAt` is an ISO instant. */
export type LeadWon = DomainEvent<
  'LeadWon',
  {
    leadId: string;
    clientId: string | null;
    valueCents: number;
    currency: string;
    source: LeadSource;
    campaignId: string | null;
    capturedAt: string;
    wonAt: string;
  }
>;

/** `stage` is where the lead was when it was lost. */
export type LeadLost = DomainEvent<'LeadLost', { leadId: string; stage: LeadStage; reason: string }>;

/** The only way back: reopens a lost lead, or moves an open lead back to `toStage`. */
export type LeadReopened = DomainEvent<
  'LeadReopened',
  { leadId: string; fromStatus: 'open' | 'lost'; fromStage: LeadStage; toStage: LeadStage }
>;

/** `campaignId` is the campaign the email belongs to, not necessarily the lead's source campaign. */
export type LeadEmailEngaged = DomainEvent<
  'LeadEmailEngaged',
  { leadId: string; engagementId: string; kind: EmailEngagementKind; emailId: string; campaignId: string | null }
>;

export type LeadFormSubmitted = DomainEvent<
  'LeadFormSubmitted',
  { leadId: string; submissionId: string; formId: string; campaignId: string | null }
>;

export type LeadEvent =
  | LeadCaptured
  | LeadCaptureBackdated
  | LeadStageChanged
  | LeadValueEstimated
  | LeadWon
  | LeadLost
  | LeadReopened
  | LeadEmailEngaged
  | LeadFormSubmitted;
