import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import {
  CancelProjectInput,
  CompleteProjectInput,
  CorrectTimeEntryInput,
  DeleteTimeEntryInput,
  LogHoursInput,
  StartProjectInput,
} from './project.inputs';

@Resolver()
export class ProjectMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  startProject(@Arg('input') input: StartProjectInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'StartProject', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  completeProject(@Arg('input') input: CompleteProjectInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'CompleteProject', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  cancelProject(@Arg('input') input: CancelProjectInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'CancelProject', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: "Logs hours on a project at the consultant's current rates (or `billRateCents`)." })
  logHours(@Arg('input') input: LogHoursInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'LogHours', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: "Replaces a time entry's date, hours and billable flag; consultant and rates stay." })
  correctTimeEntry(@Arg('input') input: CorrectTimeEntryInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'CorrectTimeEntry', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  deleteTimeEntry(@Arg('input') input: DeleteTimeEntryInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'DeleteTimeEntry', input, args);
  }
}
