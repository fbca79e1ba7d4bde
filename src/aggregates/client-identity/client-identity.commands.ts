import type { Command } from '../../core/messages';

/** What other streams say, read by the route's `enrich` just before deciding; callers' values are overwritten. */
export interface IdentityFacts {
  /** The client that holds the key's claim, or null when nobody does. */
  readonly claimedBy: string | null;
  readonly clientOnboarded: boolean;
}

/** Needs the key claimed by the same client first (see `linkIdentity` in identity.service). */
export type LinkClientIdentity = Command<'LinkClientIdentity', { clientId: string; tool: string; externalId: string; facts?: IdentityFacts }>;

export type UnlinkClientIdentity = Command<'UnlinkClientIdentity', { clientId: string; tool: string; externalId: string }>;

export type LinkClientEmailDomain = Command<'LinkClientEmailDomain', { clientId: string; domain: string; facts?: IdentityFacts }>;

export type UnlinkClientEmailDomain = Command<'UnlinkClientEmailDomain', { clientId: string; domain: string }>;

export type ClientIdentityCommand = LinkClientIdentity | UnlinkClientIdentity | LinkClientEmailDomain | UnlinkClientEmailDomain;

/** Claiming a key the same client holds is a no-op; one held by another client is `identity.already_linked`. */
export type ClaimIdentity = Command<'ClaimIdentity', { key: string; clientId: string }>;

/** Only the holder releases; a release by anyone else, or of a free key, changes nothing. */
export type ReleaseIdentity = Command<'ReleaseIdentity', { key: string; clientId: string }>;

export type IdentityClaimCommand = ClaimIdentity | ReleaseIdentity;

export type IdentityCommand = ClientIdentityCommand | IdentityClaimCommand;
