import { Field, InputType } from 'type-graphql';
import type { InvoiceKind } from '../../aggregates/invoice/invoice.events';
import { InvoiceKindEnum } from '../enums/domain.enums';
import { SafeIntScalar } from '../shared/scalars';
import { IsCalendarDate, IsCents, IsCurrency, IsEntityId, IsOneOf, IsText } from './input.validators';

@InputType()
export class IssueInvoiceInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field() @IsEntityId() clientId!: string;
  @Field(() => String, { nullable: true }) @IsEntityId() projectId?: string | null;
  @Field({ description: 'The number printed on the invoice.' }) @IsText(50) number!: string;
  @Field(() => SafeIntScalar, { description: 'Total in cents.' }) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() issuedOn!: string;
  @Field({ description: 'YYYY-MM-DD, on or after `issuedOn`.' }) @IsCalendarDate() dueOn!: string;
  @Field(() => InvoiceKindEnum) @IsOneOf(InvoiceKindEnum) kind!: InvoiceKind;
}

@InputType()
export class RecordPaymentInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field({ description: "The payment's id in the billing tool; recording it twice changes nothing." }) @IsEntityId() paymentId!: string;
  @Field(() => SafeIntScalar, { description: 'In cents, at most the open balance.' }) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() paidOn!: string;
}

@InputType()
export class VoidInvoiceInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class DeleteInvoiceInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field() @IsText(500) reason!: string;
}

@InputType()
export class RestoreInvoiceInput {
  @Field() @IsEntityId() invoiceId!: string;
}

@InputType()
export class DeletePaymentInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field() @IsEntityId() paymentId!: string;
}

@InputType()
export class RefundPaymentInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field() @IsEntityId() paymentId!: string;
  @Field(() => SafeIntScalar, { description: 'Total refunded so far of what the payment paid on this invoice, in cents; a repeated total changes nothing.' }) @IsCents(1) refundedCents!: number;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() refundedOn!: string;
}

@InputType()
export class ApplyCreditInput {
  @Field() @IsEntityId() invoiceId!: string;
  @Field({ description: 'One application of a credit (note) to this invoice; applying it twice changes nothing.' }) @IsEntityId() creditId!: string;
  @Field(() => SafeIntScalar, { description: 'In cents, at most the open balance.' }) @IsCents(1) amountCents!: number;
  @Field({ defaultValue: 'AUD' }) @IsCurrency() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsCalendarDate() creditedOn!: string;
}
