import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import { MarkExpensePaidInput, RecordExpenseInput } from './expense.inputs';

@Resolver()
export class ExpenseMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  recordExpense(@Arg('input') input: RecordExpenseInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordExpense', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  markExpensePaid(@Arg('input') input: MarkExpensePaidInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'MarkExpensePaid', input, args);
  }
}
