import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import {
  ChangeConsultantCapacityInput,
  ChangeConsultantRatesInput,
  DeactivateConsultantInput,
  RecordTimeOffInput,
  RegisterConsultantInput,
} from './consultant.inputs';
import { executeCommand } from './execute-command';

@Resolver()
export class ConsultantMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Registers a consultant with weekly capacity and rates.' })
  registerConsultant(@Arg('input') input: RegisterConsultantInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RegisterConsultant', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  changeConsultantCapacity(
    @Arg('input') input: ChangeConsultantCapacityInput,
    @Args() args: CommandArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<CommandPayload> {
    return executeCommand(context, 'ChangeConsultantCapacity', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  changeConsultantRates(@Arg('input') input: ChangeConsultantRatesInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ChangeConsultantRates', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  recordTimeOff(@Arg('input') input: RecordTimeOffInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordTimeOff', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  deactivateConsultant(@Arg('input') input: DeactivateConsultantInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'DeactivateConsultant', input, args);
  }
}
