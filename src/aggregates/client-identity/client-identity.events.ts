import type { DomainEvent } from '../../core/messages';

/** A tool's own id for a client (contact, customer, project…) now points at the Zixly client. */
export type ClientIdentityLinked = DomainEvent<'ClientIdentityLinked', { clientId: string; tool: string; externalId: string }>;

export type ClientIdentityUnlinked = DomainEvent<'ClientIdentityUnlinked', { clientId: string; tool: string; externalId: string }>;

/** E-mail addresses at this domain belong to the client (for tools without a shared client id). */
export type ClientEmailDomainLinked = DomainEvent<'ClientEmailDomainLinked', { clientId: string; domain: string }>;

export type ClientEmailDomainUnlinked = DomainEvent<'ClientEmailDomainUnlinked', { clientId: string; domain: string }>;

export type ClientIdentityEvent = ClientIdentityLinked | ClientIdentityUnlinked | ClientEmailDomainLinked | ClientEmailDomainUnlinked;

/**
 * The reservation of one identity key (`<tool>:<externalId>` or `domain:<domain>`) on its own
 * stream. The client streams cannot see each other, so a key's stream is where "one client per
 * tool id" is decided atomically.
 */
export type IdentityClaimed = DomainEvent<'IdentityClaimed', { key: string; clientId: string }>;

export type IdentityReleased = DomainEvent<'IdentityReleased', { key: string; clientId: string }>;

export type IdentityClaimEvent = IdentityClaimed | IdentityReleased;
