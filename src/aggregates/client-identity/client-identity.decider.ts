import { ensure, ensureNonEmpty } from '../shared/rules';
import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import type { ClientIdentityCommand, IdentityFacts, LinkClientEmailDomain, LinkClientIdentity, UnlinkClientEmailDomain, UnlinkClientIdentity } from './client-identity.commands';
import type { ClientIdentityEvent } from './client-identity.events';
import { ensureDomain, ensureExternalId, ensureTool, identityKey } from './identity.keys';

/** The keys (`<tool>:<externalId>`, `domain:<domain>`) currently linked to the client. */
export type ClientIdentityState = { readonly keys: ReadonlySet<string> };

export const clientIdentityStream = (clientId: string) => streamName('ClientIdentity', clientId);

export const clientIdentityDecider: Decider<ClientIdentityCommand, ClientIdentityEvent, ClientIdentityState> = {
  initialState: { keys: new Set() },
  decide(command, state) {
    switch (command.type) {
      case 'LinkClientIdentity':
        return linkIdentity(command, state);
      case 'UnlinkClientIdentity':
        return unlinkIdentity(command, state);
      case 'LinkClientEmailDomain':
        return linkDomain(command, state);
      case 'UnlinkClientEmailDomain':
        return unlinkDomain(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ClientIdentityLinked':
        return { keys: new Set([...state.keys, identityKey.tool(event.data.tool, event.data.externalId)]) };
      case 'ClientEmailDomainLinked':
        return { keys: new Set([...state.keys, identityKey.domain(event.data.domain)]) };
      case 'ClientIdentityUnlinked':
        return withoutKey(state, identityKey.tool(event.data.tool, event.data.externalId));
      case 'ClientEmailDomainUnlinked':
        return withoutKey(state, identityKey.domain(event.data.domain));
      default:
        return state;
    }
  },
};

function withoutKey(state: ClientIdentityState, key: string): ClientIdentityState {
  const keys = new Set(state.keys);
  keys.delete(key);
  return { keys };
}

/** The key must be claimed by this very client, and the client must exist. */
function ensureMayLink(clientId: string, key: string, facts: IdentityFacts | undefined): void {
  ensureNonEmpty(clientId, 'clientId');
  ensure(facts !== undefined && facts.clientOnboarded, 'identity.unknown_client', `Client ${clientId} has not been onboarded`);
  ensure(facts.claimedBy === null || facts.claimedBy === clientId, 'identity.already_linked', `${key} is already linked to client ${facts.claimedBy}`, {
    clientId: facts.claimedBy,
  });
  ensure(facts.claimedBy === clientId, 'identity.not_claimed', `${key} must be claimed for client ${clientId} before it is linked`);
}

function linkIdentity({ data }: LinkClientIdentity, state: ClientIdentityState): ClientIdentityEvent[] {
  const key = identityKey.tool(data.tool, data.externalId);
  if (state.keys.has(key)) return [];
  ensureTool(data.tool);
  ensureExternalId(data.externalId);
  ensureMayLink(data.clientId, key, data.facts);
  const { clientId, tool, externalId } = data;
  return [{ type: 'ClientIdentityLinked', data: { clientId, tool, externalId } }];
}

function unlinkIdentity({ data }: UnlinkClientIdentity, state: ClientIdentityState): ClientIdentityEvent[] {
  if (!state.keys.has(identityKey.tool(data.tool, data.externalId))) return [];
  const { clientId, tool, externalId } = data;
  return [{ type: 'ClientIdentityUnlinked', data: { clientId, tool, externalId } }];
}

function linkDomain({ data }: LinkClientEmailDomain, state: ClientIdentityState): ClientIdentityEvent[] {
  const key = identityKey.domain(data.domain);
  if (state.keys.has(key)) return [];
  ensureDomain(data.domain);
  ensureMayLink(data.clientId, key, data.facts);
  return [{ type: 'ClientEmailDomainLinked', data: { clientId: data.clientId, domain: data.domain } }];
}

function unlinkDomain({ data }: UnlinkClientEmailDomain, state: ClientIdentityState): ClientIdentityEvent[] {
  if (!state.keys.has(identityKey.domain(data.domain))) return [];
  return [{ type: 'ClientEmailDomainUnlinked', data: { clientId: data.clientId, domain: data.domain } }];
}
