import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ForbiddenError } from '../../core/errors';
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
        if (operation?.operation !== 'mutation') return;
        try {
          requireRole(contextValue.principal, 'EDITOR', 'A mutation');
        } catch (error) {
          if (!(error instanceof ForbiddenError)) throw error;
          // Refused before execution, so Apollo would answer 500 unless told the HTTP status.
          throw new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN', reason: error.code, http: { status: 403 } } });
        }
      },
    };
  },
};
