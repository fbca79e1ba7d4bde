import { ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { ExpenseCategory } from '../../aggregates/expense/expense.events';
import { ExpenseCategoryEnum } from '../enums/domain.enums';
import { ConnectionArgs } from '../shared/connection';
import type { SortSpec } from './document-filter.builder';
import { DateRangeInput } from './range.inputs';

@InputType({ description: 'All given conditions must hold; a list accepts any of its values.' })
export class ExpenseFilter {
  @Field(() => [ExpenseCategoryEnum], { nullable: true }) category?: ExpenseCategory[] | null;
  @Field(() => [ID], { nullable: true }) clientId?: string[] | null;
  @Field(() => [ID], { nullable: true }) projectId?: string[] | null;
  @Field(() => [ID], { nullable: true }) campaignId?: string[] | null;
  @Field(() => DateRangeInput, { nullable: true }) @ValidateNested() incurredOn?: DateRangeInput | null;
  @Field(() => Boolean, { nullable: true, description: 'true: paid only; false: unpaid only.' }) paid?: boolean | null;
}

export enum ExpenseSort {
  INCURRED_ON_DESC = 'INCURRED_ON_DESC',
  INCURRED_ON_ASC = 'INCURRED_ON_ASC',
  AMOUNT_DESC = 'AMOUNT_DESC',
}
registerEnumType(ExpenseSort, { name: 'ExpenseSort' });

export const expenseSorts: Record<ExpenseSort, SortSpec> = {
  INCURRED_ON_DESC: [['incurredOn', -1]],
  INCURRED_ON_ASC: [['incurredOn', 1]],
  AMOUNT_DESC: [['amountCents', -1]],
};

@ArgsType()
export class ExpensesArgs extends ConnectionArgs {
  @Field(() => ExpenseFilter, { nullable: true }) @ValidateNested() filter?: ExpenseFilter | null;
  @Field(() => ExpenseSort, { defaultValue: ExpenseSort.INCURRED_ON_DESC }) sort: ExpenseSort = ExpenseSort.INCURRED_ON_DESC;
}
