import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { InvoiceKind } from '../../aggregates/invoice/invoice.events';
import { daysBetween } from '../../core/business-time';
import type { InvoiceDocument, InvoiceStatus } from '../../projections/financial/invoices.projection';
import { InvoiceKindEnum } from '../enums/domain.enums';
import { InvoiceStatusEnum } from '../enums/status.enums';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType()
export class InvoicePayment {
  @Field(() => ID) paymentId!: string;
  @Field(() => SafeIntScalar) amountCents!: number;
  @Field({ description: 'YYYY-MM-DD business date the payment carries.' }) paidOn!: string;
  @Field(() => DateTimeScalar, { description: 'When it was received.' }) at!: string;
}

@ObjectType({ description: 'An invoice, from the `invoices` read model. Money in cents of `currency`.' })
export class Invoice {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field() number!: string;
  @Field(() => InvoiceKindEnum) kind!: InvoiceKind;
  @Field(() => SafeIntScalar) amountCents!: number;
  @Field() currency!: string;
  @Field({ description: 'YYYY-MM-DD' }) issuedOn!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => DateTimeScalar) issuedAt!: string;
  @Field(() => InvoiceStatusEnum) status!: InvoiceStatus;
  @Field(() => [InvoicePayment]) payments!: InvoicePayment[];
  @Field(() => SafeIntScalar) paidCents!: number;
  @Field(() => SafeIntScalar) balanceCents!: number;
  @Field(() => String, { nullable: true, description: 'Date of the payment that brought the balance to zero.' }) paidOn!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) voidedAt!: string | null;
  @Field({ description: 'Unpaid (open or partially paid) and due before today in the business time zone.' }) overdue!: boolean;
  @Field(() => Int, { nullable: true, description: 'Calendar days past due while overdue; null otherwise.' }) daysOverdue!: number | null;
}

@ObjectType()
export class InvoiceConnection extends Connection(Invoice) {}

export const unpaidStatuses: readonly InvoiceStatus[] = ['OPEN', 'PARTIALLY_PAID'];

/** `today` is the business date the overdue fields are computed for. */
export function toInvoice(today: string): (document: InvoiceDocument) => Invoice {
  return (document) => {
    const overdue = unpaidStatuses.includes(document.status) && document.dueOn < today;
    return {
      id: document.invoiceId,
      clientId: document.clientId,
      projectId: document.projectId,
      number: document.number,
      kind: document.kind,
      amountCents: document.amountCents,
      currency: document.currency,
      issuedOn: document.issuedOn,
      dueOn: document.dueOn,
      issuedAt: document.issuedAt,
      status: document.status,
      payments: document.payments,
      paidCents: document.paidCents,
      balanceCents: document.balanceCents,
      paidOn: document.paidOn,
      voidedAt: document.voidedAt,
      overdue,
      daysOverdue: overdue ? daysBetween(document.dueOn, today) : null,
    };
  };
}
