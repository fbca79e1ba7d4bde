import type { StateReader } from '../command-route';
import type { CommandRoutes } from '../command-route';
import { clientDecider, clientStream } from '../client/client.decider';
import type { IdentityCommand, IdentityFacts, LinkClientEmailDomain, LinkClientIdentity } from './client-identity.commands';
import { clientIdentityDecider, clientIdentityStream } from './client-identity.decider';
import { identityClaimDecider, identityClaimStream } from './identity-claim.decider';
import { identityKey } from './identity.keys';

/** Reads the key's claim and whether the client exists, so the client's decider stays pure. */
async function factsFor(clientId: string, key: string, read: StateReader): Promise<IdentityFacts> {
  const claim = await read(identityClaimDecider, identityClaimStream(key));
  const client = await read(clientDecider, clientStream(clientId));
  return { claimedBy: claim.claimedBy, clientOnboarded: client.status !== 'none' };
}

async function enrichLinkIdentity(command: LinkClientIdentity, read: StateReader): Promise<LinkClientIdentity> {
  const facts = await factsFor(command.data.clientId, identityKey.tool(command.data.tool, command.data.externalId), read);
  return { ...command, data: { ...command.data, facts } };
}

async function enrichLinkDomain(command: LinkClientEmailDomain, read: StateReader): Promise<LinkClientEmailDomain> {
  const facts = await factsFor(command.data.clientId, identityKey.domain(command.data.domain), read);
  return { ...command, data: { ...command.data, facts } };
}

/**
 * Identity commands: links on `ClientIdentity-<clientId>`, reservations on `IdentityClaim-<key>`.
 * Run on the platform bus the composition root builds (`PlatformServices.identities`).
 */
export const identityRoutes: CommandRoutes<IdentityCommand> = {
  LinkClientIdentity: { decider: clientIdentityDecider, streamOf: (command) => clientIdentityStream(command.data.clientId), enrich: enrichLinkIdentity },
  UnlinkClientIdentity: { decider: clientIdentityDecider, streamOf: (command) => clientIdentityStream(command.data.clientId) },
  LinkClientEmailDomain: { decider: clientIdentityDecider, streamOf: (command) => clientIdentityStream(command.data.clientId), enrich: enrichLinkDomain },
  UnlinkClientEmailDomain: { decider: clientIdentityDecider, streamOf: (command) => clientIdentityStream(command.data.clientId) },
  ClaimIdentity: { decider: identityClaimDecider, streamOf: (command) => identityClaimStream(command.data.key) },
  ReleaseIdentity: { decider: identityClaimDecider, streamOf: (command) => identityClaimStream(command.data.key) },
};
