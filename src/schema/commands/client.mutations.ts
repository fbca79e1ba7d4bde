import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import {
  CancelRetainerInput,
  ChangeClientTierInput,
  ChangeRetainerAmountInput,
  OffboardClientInput,
  OnboardClientInput,
  ReactivateClientInput,
  StartRetainerInput,
} from './client.inputs';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';

@Resolver()
export class ClientMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Onboards a client; onboarding a known client id again changes nothing.' })
  onboardClient(@Arg('input') input: OnboardClientInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'OnboardClient', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  changeClientTier(@Arg('input') input: ChangeClientTierInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ChangeClientTier', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Starts a retainer: it counts towards MRR from `occurredAt`.' })
  startRetainer(@Arg('input') input: StartRetainerInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'StartRetainer', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  changeRetainerAmount(@Arg('input') input: ChangeRetainerAmountInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ChangeRetainerAmount', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  cancelRetainer(@Arg('input') input: CancelRetainerInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'CancelRetainer', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Offboards (churns) a client.' })
  offboardClient(@Arg('input') input: OffboardClientInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'OffboardClient', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  reactivateClient(@Arg('input') input: ReactivateClientInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ReactivateClient', input, args);
  }
}
