import { Field, InputType } from 'type-graphql';
import type { ExpenseCategory } from '../../aggregates/expense/expense.events';
import { ExpenseCategoryEnum } from '../enums/domain.enums';
import { IsCalendarDate, IsCents, IsCurrency, IsEntityId, IsOneOf, IsOptionalText } from './input.validators';
import { SafeIntScalar } from '../shared/scalars';

@InputType()
export class RecordExpenseInput {
  @Field({ description: "The expense's id in the accounting tool; recording it twice changes nothing." }) @IsEntityId() expenseId!: string;
  @Field(() => ExpenseCategoryEnum) @IsOneOf(ExpenseCategoryEnum) category!: ExpenseCategory;
  @Field(() => SafeIntScalar) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() incurredOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD when already paid.' }) @IsCalendarDate() paidOn?: string | null;
  @Field(() => String, { nullable: true }) @IsEntityId() clientId?: string | null;
  @Field(() => String, { nullable: true }) @IsEntityId() projectId?: string | null;
  @Field(() => String, { nullable: true }) @IsEntityId() campaignId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptionalText(1000) description?: string;
}

@InputType()
export class MarkExpensePaidInput {
  @Field() @IsEntityId() expenseId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() paidOn!: string;
}
