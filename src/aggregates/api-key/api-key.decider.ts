import type { Decider } from '../../core/decider';
import { DomainRuleError, NotFoundError, ValidationError } from '../../core/errors';
import { streamName } from '../../core/stream-name';
import type { Role } from './api-key.role';
import type { ApiKeyCommand, CreateApiKey, RevokeApiKey } from './api-key.commands';
import { apiKeyCategory, type ApiKeyEvent } from './api-key.events';

export type ApiKeyState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'revoked'; readonly keyId: string; readonly hash: string; readonly role: Role };

const maxNameLength = 100;

export const apiKeyStream = (keyId: string) => streamName(apiKeyCategory, keyId);

function create(command: CreateApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const { keyId, name, role, hash } = command.data;
  if (state.status !== 'none') {
    // Same secret again (a restart with the same ZIXLY_ADMIN_KEY, a retry): already done, even if revoked since.
    if (state.hash === hash) return [];
    throw new DomainRuleError('api_key.already_exists', `API key ${keyId} already exists`, { keyId });
  }
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > maxNameLength) {
    throw new ValidationError('api_key.invalid_name', `name must be 1 to ${maxNameLength} characters`, { field: 'name' });
  }
  return [{ type: 'ApiKeyCreated', data: { keyId, name: trimmed, role, hash, createdAt: command.occurredAt } }];
}

function revoke(command: RevokeApiKey, state: ApiKeyState): ApiKeyEvent[] {
  if (state.status === 'none') throw new NotFoundError('api_key.not_found', `No API key ${command.data.keyId}`, { keyId: command.data.keyId });
  if (state.status === 'revoked') return [];
  return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, revokedAt: command.occurredAt } }];
}

/** An API key's life: created once with a role, revoked at most once (revoking again changes nothing). */
export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  initialState: { status: 'none' },
  decide: (command, state) => (command.type === 'CreateApiKey' ? create(command, state) : revoke(command, state)),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ApiKeyCreated':
        return { status: 'active', keyId: event.data.keyId, hash: event.data.hash, role: event.data.role };
      case 'ApiKeyRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
      default:
        return state;
    }
  },
};
