import { ensure, ensureNonEmpty } from '../shared/rules';
import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import type { IdentityClaimCommand } from './client-identity.commands';
import type { IdentityClaimEvent } from './client-identity.events';

export type IdentityClaimState = { readonly claimedBy: string | null };

export const identityClaimStream = (key: string) => streamName('IdentityClaim', key);

/** One identity key, held by at most one client at a time. */
export const identityClaimDecider: Decider<IdentityClaimCommand, IdentityClaimEvent, IdentityClaimState> = {
  initialState: { claimedBy: null },
  decide(command, state) {
    const { key, clientId } = command.data;
    if (command.type === 'ReleaseIdentity') {
      return state.claimedBy === clientId ? [{ type: 'IdentityReleased', data: { key, clientId } }] : [];
    }
    if (state.claimedBy === clientId) return [];
    ensure(state.claimedBy === null, 'identity.already_linked', `${key} is already linked to client ${state.claimedBy}`, { clientId: state.claimedBy });
    ensureNonEmpty(key, 'key');
    ensureNonEmpty(clientId, 'clientId');
    return [{ type: 'IdentityClaimed', data: { key, clientId } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'IdentityClaimed':
        return { claimedBy: event.data.clientId };
      case 'IdentityReleased':
        return { claimedBy: null };
      default:
        return state;
    }
  },
};
