import type { DomainEvent } from '../../core/messages';

/** PROFESSIONAL is sold as "Complete". */
export const clientTiers = ['STARTER', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type ClientTier = (typeof clientTiers)[number];

export const billingPeriods = ['MONTHLY', 'ANNUAL'] as const;
export type BillingPeriod = (typeof billingPeriods)[number];

export type ClientOnboarded = DomainEvent<
  'ClientOnboarded',
  {
    clientId: string;
    name: string;
    tier: ClientTier;
    industry: string;
    sourceLeadId: string | null;
    sourceCampaignId: string | null;
    contactEmail: string | null;
    /** The currency of the client's retainers. */
    currency: string;
  }
>;

export type ClientTierChanged = DomainEvent<'ClientTierChanged', { clientId: string; from: ClientTier; to: ClientTier }>;

/**
 * The retainer counts towards MRR from this event's `occurredAt`. `monthlyAmountCents` is what it
 * adds: `amountCents` when MONTHLY; when ANNUAL, `amountCents / 12` rounded half up to whole cents.
 */
export type RetainerStarted = DomainEvent<
  'RetainerStarted',
  { clientId: string; retainerId: string; amountCents: number; currency: string; billingPeriod: BillingPeriod; monthlyAmountCents: number }
>;

/** Takes effect at its `occurredAt`; the MRR movement is `toMonthlyAmountCents - fromMonthlyAmountCents`. */
export type RetainerAmountChanged = DomainEvent<
  'RetainerAmountChanged',
  {
    clientId: string;
    retainerId: string;
    amountCents: number;
    currency: string;
    billingPeriod: BillingPeriod;
    fromMonthlyAmountCents: number;
    toMonthlyAmountCents: number;
  }
>;

/**
 * Stops counting towards MRR at its `occurredAt`; `monthlyAmountCents` is what leaves MRR.
 * Offboarding a client emits one of these per active retainer, before `ClientOffboarded`.
 */
export type RetainerCancelled = DomainEvent<
  'RetainerCancelled',
  { clientId: string; retainerId: string; reason: string; monthlyAmountCents: number; currency: string }
>;

/** Churn: the client stops being active. Its retainers were cancelled by the events just before. */
export type ClientOffboarded = DomainEvent<'ClientOffboarded', { clientId: string; reason: string }>;

/** The client is active again; retainers do not restart by themselves. */
export type ClientReactivated = DomainEvent<'ClientReactivated', { clientId: string }>;

export type ClientEvent =
  | ClientOnboarded
  | ClientTierChanged
  | RetainerStarted
  | RetainerAmountChanged
  | RetainerCancelled
  | ClientOffboarded
  | ClientReactivated;
