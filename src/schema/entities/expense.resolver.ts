import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { expenseStream } from '../../aggregates/expense/expense.decider';
import { type ExpenseDocument, expensesCollection } from '../../projections/financial/expenses.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';
import { ExpensesArgs, expenseSorts } from './expense.inputs';
import { Expense, ExpenseConnection, toExpense } from './expense.type';

@Resolver(() => Expense)
export class ExpenseResolver {
  @Authorized('VIEWER')
  @Query(() => ExpenseConnection, { complexity: pageComplexity })
  expenses(@Args() args: ExpensesArgs, @Ctx() context: GraphQLContext): Promise<ExpenseConnection> {
    const paid = args.filter?.paid;
    const filter = new DocumentFilterBuilder()
      .oneOf('category', args.filter?.category)
      .oneOf('clientId', args.filter?.clientId)
      .oneOf('projectId', args.filter?.projectId)
      .oneOf('campaignId', args.filter?.campaignId)
      .dates('incurredOn', args.filter?.incurredOn)
      .isNull('paidOn', paid == null ? undefined : !paid)
      .build();
    return findPage<ExpenseDocument, Expense>(context, expensesCollection, { filter, sort: expenseSorts[args.sort] }, args, toExpense);
  }

  @Authorized('VIEWER')
  @Query(() => Expense, { nullable: true })
  expense(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<Expense | null> {
    return findOne(context, expensesCollection, lookupIdOf('Expense', id), toExpense);
  }

  @FieldResolver(() => EventConnection, { complexity: pageComplexity, description: "The expense's event stream, oldest first; cursor = revision." })
  history(@Root() expense: Expense, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, expenseStream(expense.expenseId), args);
  }
}
