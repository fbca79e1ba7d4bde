import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import {
  OpenTicketInput,
  RateTicketInput,
  RecordFirstResponseInput,
  RecordNpsResponseInput,
  ReopenTicketInput,
  ResolveTicketInput,
} from './support.inputs';

/** Tickets (opened at `occurredAt`, responded, resolved, rated) and NPS responses. */
@Resolver()
export class SupportMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Opens a ticket at `occurredAt`.' })
  openTicket(@Arg('input') input: OpenTicketInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'OpenTicket', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'The first human reply, at `occurredAt`; later replies change nothing.' })
  recordFirstResponse(@Arg('input') input: RecordFirstResponseInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordFirstResponse', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  resolveTicket(@Arg('input') input: ResolveTicketInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ResolveTicket', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  reopenTicket(@Arg('input') input: ReopenTicketInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ReopenTicket', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Records a CSAT rating (1–5) for a ticket.' })
  rateTicket(@Arg('input') input: RateTicketInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RateTicket', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Records an NPS survey response (0–10).' })
  recordNpsResponse(@Arg('input') input: RecordNpsResponseInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordNpsResponse', input, args);
  }
}
