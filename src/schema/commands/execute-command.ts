import type { BusinessCommand } from '../../aggregates';
import type { CommandMetadata, CommandResult } from '../../core/command-handler';
import { UnauthorizedError } from '../../core/errors';
import type { GraphQLContext } from '../context';
import type { CommandArgs } from './command-args.input';
import { type CommandPayload, CommandStatus } from './command-payload.type';

export type CommandType = BusinessCommand['type'];
export type CommandData<T extends CommandType> = Extract<BusinessCommand, { type: T }>['data'];

const projectionWaitMs = 5_000;

/**
 * The one path from a mutation to the command bus: builds the command and its metadata from the
 * request, executes it, optionally waits for the read models, and maps the result.
 */
export function executeCommand<T extends CommandType>(context: GraphQLContext, type: T, data: CommandData<T>, args: CommandArgs): Promise<CommandPayload> {
  return sendFromRequest(context, args, (occurredAt, metadata) => context.services.commands.execute({ type, data: plainData(data), occurredAt } as BusinessCommand, metadata));
}

/**
 * What every mutation that sends commands shares (business ones above, identity links through
 * their service): the instant and metadata from the request, optional read-your-writes, the payload.
 */
export async function sendFromRequest(
  context: GraphQLContext,
  args: CommandArgs,
  send: (occurredAt: string, metadata: CommandMetadata) => Promise<CommandResult>,
): Promise<CommandPayload> {
  const { services, principal } = context;
  if (!principal) throw new UnauthorizedError('auth.unauthenticated', 'An API key is required');
  const occurredAt = (args.occurredAt ?? services.clock()).toISOString();
  const metadata: CommandMetadata = {
    actor: `apikey:${principal.keyId}`,
    correlationId: context.correlationId,
    ...(args.expectedRevision != null ? { expectedRevision: args.expectedRevision } : {}),
    ...(args.idempotencyKey != null ? { idempotencyKey: args.idempotencyKey } : {}),
  };
  const result = await send(occurredAt, metadata);
  const projectionsCaughtUp = args.waitForProjections ? await caughtUp(context, result.position) : null;
  return toPayload(result, projectionsCaughtUp);
}

/**
 * Input objects become plain JSON (they end up in event payloads); an explicit GraphQL `null` on an
 * optional field means the same as leaving it out, which is what every decider expects.
 */
function plainData<D extends object>(data: D): D {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined)) as D;
}

async function caughtUp(context: GraphQLContext, position: bigint | null): Promise<boolean> {
  if (position === null) return true;
  return context.services.projections.waitFor(position, projectionWaitMs);
}

function toPayload(result: CommandResult, projectionsCaughtUp: boolean | null): CommandPayload {
  return {
    status: result.status === 'appended' ? CommandStatus.APPENDED : CommandStatus.UNCHANGED,
    replayed: result.replayed,
    stream: result.stream,
    revision: result.nextExpectedRevision,
    position: result.position,
    events: result.events.map((event) => ({ id: event.id, type: event.type, revision: event.revision, position: event.position })),
    projectionsCaughtUp,
  };
}
