import type { CommandMetadata, CommandResult } from '../../core/command-handler';
import { UnauthorizedError } from '../../core/errors';
import type { IdentityService } from '../../ingest/identity/identity.service';
import type { CommandArgs } from '../commands/command-args.input';
import { type CommandPayload, CommandStatus } from '../commands/command-payload.type';
import type { GraphQLContext } from '../context';

const projectionWaitMs = 5_000;

export type IdentityAction = (service: IdentityService, occurredAt: string, metadata: CommandMetadata) => Promise<CommandResult>;

/** As `executeCommand` does for business commands: metadata from the request, optional read-your-writes. */
export async function executeIdentityCommand(context: GraphQLContext, args: CommandArgs, action: IdentityAction): Promise<CommandPayload> {
  const { services: app, platform, principal } = context;
  if (!principal) throw new UnauthorizedError('auth.unauthenticated', 'An API key is required');
  const occurredAt = (args.occurredAt ?? app.clock()).toISOString();
  const metadata: CommandMetadata = {
    actor: `apikey:${principal.keyId}`,
    correlationId: context.correlationId,
    ...(args.expectedRevision != null ? { expectedRevision: args.expectedRevision } : {}),
    ...(args.idempotencyKey != null ? { idempotencyKey: args.idempotencyKey } : {}),
  };
  const result = await action(platform.identities, occurredAt, metadata);
  const caughtUp = !args.waitForProjections ? null : result.position === null || (await app.projections.waitFor(result.position, projectionWaitMs));
  return {
    status: result.status === 'appended' ? CommandStatus.APPENDED : CommandStatus.UNCHANGED,
    replayed: result.replayed,
    stream: result.stream,
    revision: result.nextExpectedRevision,
    position: result.position,
    events: result.events.map((event) => ({ id: event.id, type: event.type, revision: event.revision, position: event.position })),
    projectionsCaughtUp: caughtUp,
  };
}
