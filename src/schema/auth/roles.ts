import { ForbiddenError, UnauthorizedError } from '../../core/errors';
import type { Principal, Role } from '../../aggregates/api-key/api-key.role';

/** Each role includes the ones below it. */
const rank: Readonly<Record<Role, number>> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

export const roles: readonly Role[] = ['VIEWER', 'EDITOR', 'ADMIN'];

export function hasRole(principal: Principal, required: Role): boolean {
  return rank[principal.role] >= rank[required];
}

/** Throws UNAUTHENTICATED without a caller and FORBIDDEN when the caller's role is too low. */
export function requireRole(principal: Principal | null, required: Role, what = 'this operation'): Principal {
  if (!principal) throw new UnauthorizedError('auth.missing_key', 'Missing API key: send Authorization: Bearer <key>');
  if (!hasRole(principal, required)) {
    throw new ForbiddenError('auth.role_too_low', `${what} needs the ${required} role; key "${principal.name}" has ${principal.role}`, {
      required,
      actual: principal.role,
    });
  }
  return principal;
}
