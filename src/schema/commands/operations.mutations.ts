import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import {
  CompleteWorkflowRunInput,
  FailWorkflowRunInput,
  RecordManualAdminInput,
  RecordSyncFailureInput,
  RecordSyncSuccessInput,
  RetryWorkflowRunInput,
  SkipWorkflowRunInput,
  StartWorkflowRunInput,
  workflowTrigger,
} from './operations.inputs';

/** Sync runs, workflow runs and manual admin work: the facts behind the operations KPIs. */
@Resolver()
export class OperationsMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'A sync run that finished at `occurredAt`.' })
  recordSyncSuccess(@Arg('input') input: RecordSyncSuccessInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordSyncSuccess', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  recordSyncFailure(@Arg('input') input: RecordSyncFailureInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordSyncFailure', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  startWorkflowRun(@Arg('input') input: StartWorkflowRunInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'StartWorkflowRun', { ...input, trigger: workflowTrigger(input.trigger) }, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  completeWorkflowRun(@Arg('input') input: CompleteWorkflowRunInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'CompleteWorkflowRun', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  failWorkflowRun(@Arg('input') input: FailWorkflowRunInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'FailWorkflowRun', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'A run that started but had nothing to do.' })
  skipWorkflowRun(@Arg('input') input: SkipWorkflowRunInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'SkipWorkflowRun', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  retryWorkflowRun(@Arg('input') input: RetryWorkflowRunInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RetryWorkflowRun', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Manual admin work still done by hand, for the manual-work-reduction KPI.' })
  recordManualAdmin(@Arg('input') input: RecordManualAdminInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordManualAdmin', input, args);
  }
}
