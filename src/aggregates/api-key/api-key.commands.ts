import type { Command } from '../../core/messages';
import type { Role } from './api-key.role';

export type CreateApiKey = Command<'CreateApiKey', { readonly keyId: string; readonly name: string; readonly role: Role; readonly hash: string }>;
export type RevokeApiKey = Command<'RevokeApiKey', { readonly keyId: string }>;

export type ApiKeyCommand = CreateApiKey | RevokeApiKey;
