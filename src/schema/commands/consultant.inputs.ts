import { Field, Float, InputType } from 'type-graphql';
import { maxWeeklyCapacityHours } from '../../aggregates/consultant/consultant.decider';
import { IsCalendarDate, IsCents, IsCurrency, IsEmailAddress, IsEntityId, IsHours, IsText } from './input.validators';
import { SafeIntScalar } from '../shared/scalars';

@InputType()
export class RegisterConsultantInput {
  @Field() @IsEntityId() consultantId!: string;
  @Field() @IsText(200) name!: string;
  @Field() @IsEmailAddress() email!: string;
  @Field(() => Float) @IsHours({ max: maxWeeklyCapacityHours }) weeklyCapacityHours!: number;
  @Field(() => SafeIntScalar, { description: 'Hourly cost in cents (0 allowed).' }) @IsCents(0) costRateCents!: number;
  @Field(() => SafeIntScalar, { description: 'Default hourly bill rate in cents (0 allowed).' }) @IsCents(0) billRateCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
}

@InputType()
export class ChangeConsultantCapacityInput {
  @Field() @IsEntityId() consultantId!: string;
  @Field(() => Float) @IsHours({ max: maxWeeklyCapacityHours }) weeklyCapacityHours!: number;
}

@InputType()
export class ChangeConsultantRatesInput {
  @Field() @IsEntityId() consultantId!: string;
  @Field(() => SafeIntScalar) @IsCents(0) costRateCents!: number;
  @Field(() => SafeIntScalar) @IsCents(0) billRateCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
}

@InputType()
export class RecordTimeOffInput {
  @Field() @IsEntityId() consultantId!: string;
  @Field({ description: "The leave entry's id in its source; recording it twice changes nothing." }) @IsEntityId() timeOffId!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() date!: string;
  @Field(() => Float) @IsHours({ max: 24 }) hours!: number;
}

@InputType()
export class DeactivateConsultantInput {
  @Field() @IsEntityId() consultantId!: string;
}
