import { Field, Float, InputType, Int } from 'type-graphql';
import type { ClientTier } from '../../aggregates/client/client.events';
import { maxHoursPerEntry } from '../../aggregates/project/time-entry.decide';
import { ClientTierEnum } from '../enums/domain.enums';
import { IsCalendarDate, IsCents, IsCurrency, IsEntityId, IsHours, IsOneOf, IsOptionalText, IsText } from './input.validators';
import { SafeIntScalar } from '../shared/scalars';

@InputType()
export class StartProjectInput {
  @Field() @IsEntityId() projectId!: string;
  @Field() @IsEntityId() clientId!: string;
  @Field(() => ClientTierEnum) @IsOneOf(ClientTierEnum) tier!: ClientTier;
  @Field() @IsText(200) name!: string;
  @Field(() => Float, { description: '0 means no budget.' }) @IsHours({ allowZero: true }) budgetHours!: number;
  @Field(() => SafeIntScalar, { description: 'In cents; 0 means no budget.' }) @IsCents(0) budgetAmountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() startedOn!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() dueOn!: string;
}

@InputType()
export class CompleteProjectInput {
  @Field() @IsEntityId() projectId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() completedOn!: string;
}

@InputType()
export class CancelProjectInput {
  @Field() @IsEntityId() projectId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class LogHoursInput {
  @Field() @IsEntityId() projectId!: string;
  @Field({ description: "The entry's id in the time-tracking tool; logging it twice changes nothing." }) @IsEntityId() entryId!: string;
  @Field() @IsEntityId() consultantId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() workDate!: string;
  @Field(() => Float, { description: `More than 0 and at most ${maxHoursPerEntry}, in hundredths.` }) @IsHours({ max: maxHoursPerEntry }) hours!: number;
  @Field() billable!: boolean;
  @Field(() => String, { nullable: true }) @IsOptionalText(1000) description?: string;
  @Field(() => Int, { nullable: true, description: "Overrides the consultant's default bill rate for this entry." })
  @IsCents(0)
  billRateCents?: number;
}

@InputType()
export class CorrectTimeEntryInput {
  @Field() @IsEntityId() projectId!: string;
  @Field() @IsEntityId() entryId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() workDate!: string;
  @Field(() => Float) @IsHours({ max: maxHoursPerEntry }) hours!: number;
  @Field() billable!: boolean;
  @Field(() => String, { nullable: true, description: 'Defaults to the current description.' }) @IsOptionalText(1000) description?: string;
}

@InputType()
export class DeleteTimeEntryInput {
  @Field() @IsEntityId() projectId!: string;
  @Field() @IsEntityId() entryId!: string;
}
