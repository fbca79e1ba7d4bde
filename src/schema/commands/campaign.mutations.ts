import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { EndCampaignInput, LaunchCampaignInput, RecordCampaignCostInput } from './campaign.inputs';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';

@Resolver()
export class CampaignMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  launchCampaign(@Arg('input') input: LaunchCampaignInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'LaunchCampaign', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  recordCampaignCost(@Arg('input') input: RecordCampaignCostInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordCampaignCost', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  endCampaign(@Arg('input') input: EndCampaignInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'EndCampaign', input, args);
  }
}
