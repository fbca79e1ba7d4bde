import { createCommandBus } from '../../aggregates/command-bus';
import type { CommandMetadata, CommandResult } from '../../core/command-handler';
import { UnauthorizedError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import type { IdentityCommand } from '../../ingest/identity/client-identity.commands';
import { identityRoutes } from '../../ingest/identity/identity.routes';
import { createIdentityService, type IdentityService } from '../../ingest/identity/identity.service';
import type { CommandArgs } from '../commands/command-args.input';
import { type CommandPayload, CommandStatus } from '../commands/command-payload.type';
import type { GraphQLContext } from '../context';

const projectionWaitMs = 5_000;
const services = new WeakMap<EventStore, IdentityService>();

/**
 * Identity commands are not business commands (BusinessCommand lists the aggregates'), so they run
 * on a bus of their own over the same store. It is the only writer of `ClientIdentity-` and
 * `IdentityClaim-` streams and only reads `Client-` streams, so its own locks and cache lose
 * nothing; the store's expected revisions guard every append either way.
 */
function identityServiceOf(store: EventStore): IdentityService {
  let service = services.get(store);
  if (!service) {
    service = createIdentityService(createCommandBus<IdentityCommand>(store, identityRoutes));
    services.set(store, service);
  }
  return service;
}

export type IdentityAction = (service: IdentityService, occurredAt: string, metadata: CommandMetadata) => Promise<CommandResult>;

/** As `executeCommand` does for business commands: metadata from the request, optional read-your-writes. */
export async function executeIdentityCommand(context: GraphQLContext, args: CommandArgs, action: IdentityAction): Promise<CommandPayload> {
  const { services: app, principal } = context;
  if (!principal) throw new UnauthorizedError('auth.unauthenticated', 'An API key is required');
  const occurredAt = (args.occurredAt ?? app.clock()).toISOString();
  const metadata: CommandMetadata = {
    actor: `apikey:${principal.keyId}`,
    correlationId: context.correlationId,
    ...(args.expectedRevision != null ? { expectedRevision: args.expectedRevision } : {}),
    ...(args.idempotencyKey != null ? { idempotencyKey: args.idempotencyKey } : {}),
  };
  const result = await action(identityServiceOf(app.eventStore), occurredAt, metadata);
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
