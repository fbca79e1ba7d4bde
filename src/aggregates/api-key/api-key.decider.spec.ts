import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { CreateApiKey, RevokeApiKey } from './api-key.commands';
import { apiKeyDecider } from './api-key.decider';
import type { ApiKeyCreated, ApiKeyRevoked } from './api-key.events';

const spec = deciderSpec(apiKeyDecider);
const at = '2026-03-01T09:00:00.000Z';
const create = (hash = 'a'.repeat(64), name = 'dashboards'): CreateApiKey => ({ type: 'CreateApiKey', data: { keyId: 'k1', name, role: 'VIEWER', hash }, occurredAt: at });
const revoke: RevokeApiKey = { type: 'RevokeApiKey', data: { keyId: 'k1' }, occurredAt: at };
const created: ApiKeyCreated = { type: 'ApiKeyCreated', data: { keyId: 'k1', name: 'dashboards', role: 'VIEWER', hash: 'a'.repeat(64), createdAt: at } };
const revoked: ApiKeyRevoked = { type: 'ApiKeyRevoked', data: { keyId: 'k1', revokedAt: at } };

describe('API key decider', () => {
  it('creates a key with its hash and role', () => spec.given([]).when(create()).then([created]));
  it('does nothing when the same secret is registered again', () => spec.given([created]).when(create()).thenNothingHappens());
  it('keeps a revoked key revoked when its secret is registered again', () => spec.given([created, revoked]).when(create()).thenNothingHappens());
  it('refuses another secret under an existing key id', () => spec.given([created]).when(create('b'.repeat(64))).thenRejects('api_key.already_exists'));
  it('refuses an empty name', () => spec.given([]).when(create(undefined, '  ')).thenRejects('api_key.invalid_name'));
  it('revokes an active key', () => spec.given([created]).when(revoke).then([revoked]));
  it('does nothing when revoking twice', () => spec.given([created, revoked]).when(revoke).thenNothingHappens());
  it('cannot revoke a key that does not exist', () => spec.given([]).when(revoke).thenRejects('api_key.not_found'));
});
