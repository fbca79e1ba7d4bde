import type { CommandBus } from '../../aggregates/command-bus';
import type { CommandMetadata, CommandResult } from '../../core/command-handler';
import type { IdentityCommand } from '../../aggregates/client-identity/client-identity.commands';
import { identityKey } from '../../aggregates/client-identity/identity.keys';

export interface ToolIdentity {
  readonly clientId: string;
  readonly tool: string;
  readonly externalId: string;
}

export interface EmailDomain {
  readonly clientId: string;
  readonly domain: string;
}

/** A caller's expected revision is about the client's stream, never the key's. */
function claimMetadata({ expectedRevision: _expected, ...metadata }: CommandMetadata): CommandMetadata {
  return metadata;
}

/**
 * Links and unlinks in two steps: the key's claim, then the client's stream. A crash in between
 * leaves a claim without a link, which the same call repeated completes; another client cannot
 * take the key until the holder unlinks it (which releases the claim).
 */
export function createIdentityService(bus: CommandBus<IdentityCommand>) {
  const claimThen = async (key: string, clientId: string, link: IdentityCommand, metadata: CommandMetadata): Promise<CommandResult> => {
    await bus.execute({ type: 'ClaimIdentity', data: { key, clientId }, occurredAt: link.occurredAt }, claimMetadata(metadata));
    return bus.execute(link, metadata);
  };
  const thenRelease = async (key: string, clientId: string, unlink: IdentityCommand, metadata: CommandMetadata): Promise<CommandResult> => {
    const result = await bus.execute(unlink, metadata);
    await bus.execute({ type: 'ReleaseIdentity', data: { key, clientId }, occurredAt: unlink.occurredAt }, claimMetadata(metadata));
    return result;
  };

  return {
    linkIdentity: (link: ToolIdentity, occurredAt: string, metadata: CommandMetadata) =>
      claimThen(identityKey.tool(link.tool, link.externalId), link.clientId, { type: 'LinkClientIdentity', data: { ...link }, occurredAt }, metadata),
    unlinkIdentity: (link: ToolIdentity, occurredAt: string, metadata: CommandMetadata) =>
      thenRelease(identityKey.tool(link.tool, link.externalId), link.clientId, { type: 'UnlinkClientIdentity', data: { ...link }, occurredAt }, metadata),
    linkDomain: (link: EmailDomain, occurredAt: string, metadata: CommandMetadata) =>
      claimThen(identityKey.domain(link.domain), link.clientId, { type: 'LinkClientEmailDomain', data: { ...link }, occurredAt }, metadata),
    unlinkDomain: (link: EmailDomain, occurredAt: string, metadata: CommandMetadata) =>
      thenRelease(identityKey.domain(link.domain), link.clientId, { type: 'UnlinkClientEmailDomain', data: { ...link }, occurredAt }, metadata),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
