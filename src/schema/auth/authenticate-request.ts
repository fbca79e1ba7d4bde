import { UnauthorizedError } from '../../core/errors';
import type { Principal } from '../context';
import type { ApiKeys } from './api-keys.service';

/** The principal behind an `Authorization: Bearer <key>` value; throws UnauthorizedError with the reason. */
export function authenticateBearer(authorization: string | undefined | null, apiKeys: ApiKeys): Principal {
  if (!authorization?.trim()) throw new UnauthorizedError('auth.missing_key', 'Missing API key: send Authorization: Bearer <key>');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new UnauthorizedError('auth.malformed_header', 'Malformed Authorization header: expected "Bearer <key>"');
  return apiKeys.authenticate(match[1]!);
}
