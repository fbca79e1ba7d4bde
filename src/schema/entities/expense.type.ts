import { Field, ID, ObjectType } from 'type-graphql';
import type { ExpenseCategory } from '../../aggregates/expense/expense.events';
import type { ExpenseDocument } from '../../projections/financial/expenses.projection';
import { ExpenseCategoryEnum } from '../enums/domain.enums';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType({ implements: Node, description: 'An expense, from the `expenses` read model.' })
export class Expense implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) expenseId!: string;
  @Field(() => ExpenseCategoryEnum) category!: ExpenseCategory;
  @Field(() => SafeIntScalar) amountCents!: number;
  @Field() currency!: string;
  @Field({ description: 'YYYY-MM-DD (accrual).' }) incurredOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (cash); null while unpaid.' }) paidOn!: string | null;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field(() => ID, { nullable: true }) campaignId!: string | null;
  @Field() description!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
}

@ObjectType()
export class ExpenseConnection extends Connection(Expense) {}

export function toExpense(document: ExpenseDocument): Expense {
  return {
    id: globalIdOf('Expense', document.expenseId),
    expenseId: document.expenseId,
    category: document.category,
    amountCents: document.amountCents,
    currency: document.currency,
    incurredOn: document.incurredOn,
    paidOn: document.paidOn,
    clientId: document.clientId,
    projectId: document.projectId,
    campaignId: document.campaignId,
    description: document.description,
    recordedAt: document.recordedAt,
  };
}
