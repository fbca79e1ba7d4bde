import type { CommandMetadata, CommandResult } from '../../core/command-handler';
import type { IdentityService } from '../../ingest/identity/identity.service';
import type { CommandArgs } from '../commands/command-args.input';
import type { CommandPayload } from '../commands/command-payload.type';
import { sendFromRequest } from '../commands/execute-command';
import type { GraphQLContext } from '../context';

export type IdentityAction = (service: IdentityService, occurredAt: string, metadata: CommandMetadata) => Promise<CommandResult>;

/** As `executeCommand` does for business commands, on the identity service the root built. */
export function executeIdentityCommand(context: GraphQLContext, args: CommandArgs, action: IdentityAction): Promise<CommandPayload> {
  return sendFromRequest(context, args, (occurredAt, metadata) => action(context.platform.identities, occurredAt, metadata));
}
