import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import {
  CaptureLeadInput,
  EstimateLeadValueInput,
  LoseLeadInput,
  MoveLeadStageInput,
  RecordEmailEngagementInput,
  RecordFormSubmissionInput,
  ReopenLeadInput,
  WinLeadInput,
} from './lead.inputs';

@Resolver()
export class LeadMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Captures a lead; capturing it again keeps the first attribution and the earliest capture time.' })
  captureLead(@Arg('input') input: CaptureLeadInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'CaptureLead', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  moveLeadStage(@Arg('input') input: MoveLeadStageInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'MoveLeadStage', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  estimateLeadValue(@Arg('input') input: EstimateLeadValueInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'EstimateLeadValue', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  winLead(@Arg('input') input: WinLeadInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'WinLead', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  loseLead(@Arg('input') input: LoseLeadInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'LoseLead', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Reopens a lost lead, or moves an open lead back.' })
  reopenLead(@Arg('input') input: ReopenLeadInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ReopenLead', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  recordEmailEngagement(@Arg('input') input: RecordEmailEngagementInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordEmailEngagement', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  recordFormSubmission(@Arg('input') input: RecordFormSubmissionInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordFormSubmission', input, args);
  }
}
