import type { Command } from '../../core/messages';
import type { BillingPeriod, ClientTier } from './client.events';

/** Onboarding the same client id again is a no-op: the first onboarding wins. */
export type OnboardClient = Command<
  'OnboardClient',
  {
    clientId: string;
    name: string;
    tier: ClientTier;
    industry: string;
    sourceLeadId?: string | null;
    sourceCampaignId?: string | null;
    contactEmail?: string | null;
    currency: string;
  }
>;

export type ChangeClientTier = Command<'ChangeClientTier', { clientId: string; tier: ClientTier }>;

/** Retainer ids are never reused: starting a known retainer id again is a no-op. */
export type StartRetainer = Command<
  'StartRetainer',
  { clientId: string; retainerId: string; amountCents: number; currency: string; billingPeriod: BillingPeriod }
>;

/** `amountCents` is per `billingPeriod`, which defaults to the retainer's current period. */
export type ChangeRetainerAmount = Command<
  'ChangeRetainerAmount',
  { clientId: string; retainerId: string; amountCents: number; currency: string; billingPeriod?: BillingPeriod }
>;

export type CancelRetainer = Command<'CancelRetainer', { clientId: string; retainerId: string; reason: string }>;

export type OffboardClient = Command<'OffboardClient', { clientId: string; reason: string }>;

export type ReactivateClient = Command<'ReactivateClient', { clientId: string }>;

export type ClientCommand =
  | OnboardClient
  | ChangeClientTier
  | StartRetainer
  | ChangeRetainerAmount
  | CancelRetainer
  | OffboardClient
  | ReactivateClient;
