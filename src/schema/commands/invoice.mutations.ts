import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import { IssueInvoiceInput, RecordPaymentInput, VoidInvoiceInput } from './invoice.inputs';

@Resolver()
export class InvoiceMutations {
  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  issueInvoice(@Arg('input') input: IssueInvoiceInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'IssueInvoice', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Records a payment; the invoice is paid when its balance reaches 0 (RULE_VIOLATION invoice.overpayment beyond it).' })
  recordPayment(@Arg('input') input: RecordPaymentInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RecordPayment', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload)
  voidInvoice(@Arg('input') input: VoidInvoiceInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'VoidInvoice', input, args);
  }
}
