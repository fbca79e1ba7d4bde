import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
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
  @Field(() => ID, { nullable: true, description: 'On a refund line (a negative amount on the refund date): the payment refunded.' }) refundOf!: string | null;
}

@ObjectType({ description: 'A credit (note) applied to the invoice, lowering what it is worth.' })
export class InvoiceCredit {
  @Field(() => ID) creditId!: string;
  @Field(() => SafeIntScalar) amountCents!: number;
  @Field({ description: 'YYYY-MM-DD' }) creditedOn!: string;
}

@ObjectType({ description: 'An invoice, from the `invoices` read model. Money in cents of `currency`.' })
export class Invoice {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field() number!: string;
  @Field(() => InvoiceKindEnum) kind!: InvoiceKind;
  @Field(() => SafeIntScalar, { description: 'What the invoice is worth: as issued, less the credits applied.' }) amountCents!: number;
  @Field(() => SafeIntScalar, { description: 'The amount it was issued for.' }) issuedAmountCents!: number;
  @Field() currency!: string;
  @Field(() => Float, { nullable: true, description: 'Units of `currency` per unit of the base currency, as the tool gave it; null when it gave none.' }) exchangeRate!: number | null;
  @Field(() => [InvoiceCredit]) credits!: InvoiceCredit[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was deleted in the tool (it then counts nowhere and reads as VOID); null otherwise.' }) deletedAt!: string | null;
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
      issuedAmountCents: document.issuedAmountCents ?? document.amountCents,
      currency: document.currency,
      exchangeRate: document.exchangeRate ?? null,
      credits: document.credits ?? [],
      deletedAt: document.deletedAt ?? null,
      issuedOn: document.issuedOn,
      dueOn: document.dueOn,
      issuedAt: document.issuedAt,
      status: document.status,
      payments: document.payments.map((payment) => ({ ...payment, refundOf: payment.refundOf ?? null })),
      paidCents: document.paidCents,
      balanceCents: document.balanceCents,
      paidOn: document.paidOn,
      voidedAt: document.voidedAt,
      overdue,
      daysOverdue: overdue ? daysBetween(document.dueOn, today) : null,
    };
  };
}
