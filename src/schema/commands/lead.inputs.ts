import { Field, InputType } from 'type-graphql';
import type { EmailEngagementKind, LeadSource, LeadStage } from '../../aggregates/lead/lead.events';
import { EmailEngagementKindEnum, LeadSourceEnum, LeadStageEnum } from '../enums/domain.enums';
import { IsCents, IsCurrency, IsEmailAddress, IsEntityId, IsOneOf, IsText } from './input.validators';
import { SafeIntScalar } from '../shared/scalars';

@InputType()
export class CaptureLeadInput {
  @Field() @IsEntityId() leadId!: string;
  @Field() @IsText(200) name!: string;
  @Field(() => String, { nullable: true }) @IsEmailAddress() email?: string | null;
  @Field(() => String, { nullable: true }) @IsText(200) company?: string | null;
  @Field(() => LeadSourceEnum) @IsOneOf(LeadSourceEnum) source!: LeadSource;
  @Field(() => String, { nullable: true }) @IsEntityId() campaignId?: string | null;
}

@InputType()
export class MoveLeadStageInput {
  @Field() @IsEntityId() leadId!: string;
  @Field(() => LeadStageEnum, { description: 'Forward only; skipped stages are recorded as reached.' }) @IsOneOf(LeadStageEnum) to!: LeadStage;
}

@InputType()
export class EstimateLeadValueInput {
  @Field() @IsEntityId() leadId!: string;
  @Field(() => SafeIntScalar) @IsCents(1) valueCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
}

@InputType()
export class WinLeadInput {
  @Field() @IsEntityId() leadId!: string;
  @Field(() => SafeIntScalar) @IsCents(1) valueCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field(() => String, { nullable: true, description: 'Omit when the client is onboarded later (it then names its source lead).' })
  @IsEntityId()
  clientId?: string | null;
}

@InputType()
export class LoseLeadInput {
  @Field() @IsEntityId() leadId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class ReopenLeadInput {
  @Field() @IsEntityId() leadId!: string;
  @Field(() => LeadStageEnum, { description: 'The stage to reopen at; never forward.' }) @IsOneOf(LeadStageEnum) toStage!: LeadStage;
}

@InputType()
export class RecordEmailEngagementInput {
  @Field() @IsEntityId() leadId!: string;
  @Field({ description: "The event's id in the email tool; recording it twice changes nothing." }) @IsEntityId() engagementId!: string;
  @Field(() => EmailEngagementKindEnum) @IsOneOf(EmailEngagementKindEnum) kind!: EmailEngagementKind;
  @Field() @IsEntityId() emailId!: string;
  @Field(() => String, { nullable: true }) @IsEntityId() campaignId?: string | null;
}

@InputType()
export class RecordFormSubmissionInput {
  @Field() @IsEntityId() leadId!: string;
  @Field({ description: "The submission's id in the form tool; recording it twice changes nothing." }) @IsEntityId() submissionId!: string;
  @Field() @IsEntityId() formId!: string;
  @Field(() => String, { nullable: true }) @IsEntityId() campaignId?: string | null;
}
