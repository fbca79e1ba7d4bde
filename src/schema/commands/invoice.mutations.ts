import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { CommandArgs } from './command-args.input';
import { CommandPayload } from './command-payload.type';
import { executeCommand } from './execute-command';
import { ApplyCreditInput, DeleteInvoiceInput, DeletePaymentInput, IssueInvoiceInput, RecordPaymentInput, RefundPaymentInput, RestoreInvoiceInput, VoidInvoiceInput } from './invoice.inputs';

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

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'The invoice and the payments applied to it stop counting anywhere, as if never issued, until restored.' })
  deleteInvoice(@Arg('input') input: DeleteInvoiceInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'DeleteInvoice', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Brings a deleted invoice back with the payments it had.' })
  restoreInvoice(@Arg('input') input: RestoreInvoiceInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RestoreInvoice', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Takes a recorded payment off the invoice as if it had never been made (cash restated).' })
  deletePayment(@Arg('input') input: DeletePaymentInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'DeletePayment', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'Money paid back: negative cash on refundedOn, the balance back up by the refund.' })
  refundPayment(@Arg('input') input: RefundPaymentInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'RefundPayment', input, args);
  }

  @Authorized('EDITOR')
  @Mutation(() => CommandPayload, { description: 'A credit (note) applied to the invoice: lowers its worth and balance; no cash moves.' })
  applyCredit(@Arg('input') input: ApplyCreditInput, @Args() args: CommandArgs, @Ctx() context: GraphQLContext): Promise<CommandPayload> {
    return executeCommand(context, 'ApplyCredit', input, args);
  }
}
