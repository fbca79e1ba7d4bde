import type { AuthCheckerFn } from 'type-graphql';
import type { GraphQLContext, Role } from '../context';
import { requireRole, roles } from './roles';

/**
 * `@Authorized('EDITOR')`: the caller's role must reach the lowest role listed (the hierarchy
 * VIEWER < EDITOR < ADMIN). Throws instead of returning false so the edge maps one error family.
 */
export const authChecker: AuthCheckerFn<GraphQLContext, Role> = ({ context, info }, required) => {
  const lowest = roles.find((role) => required.length === 0 || required.includes(role)) ?? 'VIEWER';
  requireRole(context.principal, lowest, `${info.parentType.name}.${info.fieldName}`);
  return true;
};
