import type { Command } from '../../core/messages';
import type { EmailEngagementKind, LeadSource, LeadStage } from './lead.events';

/**
 * Capturing a known lead again keeps the first attribution (first touch); dated earlier than the
 * recorded capture, it backdates the capture time, otherwise it is a no-op.
 */
export type CaptureLead = Command<
  'CaptureLead',
  { leadId: string; name: string; email?: string | null; company?: string | null; source: LeadSource; campaignId?: string | null }
>;

/** Forward only; skipping stages is allowed and records each step. Going back needs `ReopenLead`. */
export type MoveLeadStage = Command<'MoveLeadStage', { leadId: string; to: LeadStage }>;

export type EstimateLeadValue = Command<'EstimateLeadValue', { leadId: string; valueCents: number; currency: string }>;

/** `clientId` is null when the client is onboarded later (the client then names its source lead). */
export type WinLead = Command<'WinLead', { leadId: string; valueCents: number; currency: string; clientId?: string | null }>;

export type LoseLead = Command<'LoseLead', { leadId: string; reason: string }>;

/** Reopens a lost lead at `toStage`, or moves an open lead back; never forward. */
export type ReopenLead = Command<'ReopenLead', { leadId: string; toStage: LeadStage }>;

/** `engagementId` is the event's id in the email tool: recording it twice is a no-op. */
export type RecordEmailEngagement = Command<
  'RecordEmailEngagement',
  { leadId: string; engagementId: string; kind: EmailEngagementKind; emailId: string; campaignId?: string | null }
>;

/** `submissionId` is the submission's id in the form tool: recording it twice is a no-op. */
export type RecordFormSubmission = Command<
  'RecordFormSubmission',
  { leadId: string; submissionId: string; formId: string; campaignId?: string | null }
>;

export type LeadCommand =
  | CaptureLead
  | MoveLeadStage
  | EstimateLeadValue
  | WinLead
  | LoseLead
  | ReopenLead
  | RecordEmailEngagement
  | RecordFormSubmission;
