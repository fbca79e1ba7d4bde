import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../context';
import { requireRole } from './roles';

/**
 * Every mutation is a command or an admin action, so none is open to VIEWER keys, even one whose
 * resolver forgot `@Authorized`. Stricter roles (ADMIN) are checked per field by the authChecker.
 */
export const mutationRolePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'mutation') requireRole(contextValue.principal, 'EDITOR', 'A mutation');
      },
    };
  },
};
