import { Field, InputType } from 'type-graphql';
import type { BillingPeriod, ClientTier } from '../../aggregates/client/client.events';
import { BillingPeriodEnum, ClientTierEnum } from '../enums/domain.enums';
import { IsCents, IsCurrency, IsEmailAddress, IsEntityId, IsOneOf, IsText } from './input.validators';
import { SafeIntScalar } from '../shared/scalars';

@InputType()
export class OnboardClientInput {
  @Field() @IsEntityId() clientId!: string;
  @Field() @IsText(200) name!: string;
  @Field(() => ClientTierEnum) @IsOneOf(ClientTierEnum) tier!: ClientTier;
  @Field() @IsText(100) industry!: string;
  @Field(() => String, { nullable: true, description: 'The lead this client was won from.' }) @IsEntityId() sourceLeadId?: string | null;
  @Field(() => String, { nullable: true }) @IsEntityId() sourceCampaignId?: string | null;
  @Field(() => String, { nullable: true }) @IsEmailAddress() contactEmail?: string | null;
  @Field({ defaultValue: 'AUD', description: 'The currency the client is billed in.' }) @IsCurrency() currency!: string;
}

@InputType()
export class ChangeClientTierInput {
  @Field() @IsEntityId() clientId!: string;
  @Field(() => ClientTierEnum) @IsOneOf(ClientTierEnum) tier!: ClientTier;
}

@InputType()
export class StartRetainerInput {
  @Field() @IsEntityId() clientId!: string;
  @Field({ description: 'Never reused: starting a known retainer id again changes nothing.' }) @IsEntityId() retainerId!: string;
  @Field(() => SafeIntScalar, { description: 'Amount per billing period, in cents.' }) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field(() => BillingPeriodEnum) @IsOneOf(BillingPeriodEnum) billingPeriod!: BillingPeriod;
}

@InputType()
export class ChangeRetainerAmountInput {
  @Field() @IsEntityId() clientId!: string;
  @Field() @IsEntityId() retainerId!: string;
  @Field(() => SafeIntScalar, { description: 'New amount per billing period, in cents.' }) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field(() => BillingPeriodEnum, { nullable: true, description: "Defaults to the retainer's current period." })
  @IsOneOf(BillingPeriodEnum)
  billingPeriod?: BillingPeriod;
}

@InputType()
export class CancelRetainerInput {
  @Field() @IsEntityId() clientId!: string;
  @Field() @IsEntityId() retainerId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class OffboardClientInput {
  @Field() @IsEntityId() clientId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class ReactivateClientInput {
  @Field() @IsEntityId() clientId!: string;
}
