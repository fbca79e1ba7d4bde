import type { DomainEvent } from '../../core/messages';
import type { Role } from './api-key.role';

export type ApiKeyCreated = DomainEvent<
  'ApiKeyCreated',
  {
    readonly keyId: string;
    readonly name: string;
    readonly role: Role;
    /** sha256 (hex) of the secret; the secret itself is never stored. */
    readonly hash: string;
    readonly createdAt: string;
  }
>;

export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { readonly keyId: string; readonly revokedAt: string }>;

export type ApiKeyEvent = ApiKeyCreated | ApiKeyRevoked;

export const apiKeyCategory = 'ApiKey';
export const apiKeyEventTypes: ReadonlyArray<ApiKeyEvent['type']> = ['ApiKeyCreated', 'ApiKeyRevoked'];
