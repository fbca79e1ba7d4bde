import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { InvoiceKind } from '../../aggregates/invoice/invoice.events';
import { daysBetween } from '../../core/business-time';
import type { InvoiceDocument, InvoiceStatus } from '../../projections/financial/invoices.projection';
import { InvoiceKindEnum } from '../enums/domain.enums';
import { InvoiceStatusEnum } from '../enums/status.enums';
import { globalIdOf, Node, paymentLocalId } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType('Payment', { implements: Node, description: 'A payment received against an invoice, or a refund line (negative amount).' })
export class Payment implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it (with `invoiceId`).' }) paymentId!: string;
  @Field(() => ID) invoiceId!: string;
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

@ObjectType({ implements: Node, description: 'An invoice, from the `invoices` read model. Money in cents of `currency`.' })
export class Invoice implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) invoiceId!: string;
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
  /** Every payment line; the `payments` connection pages it. */
  paymentLines!: Payment[];
  @Field(() => SafeIntScalar) paidCents!: number;
  @Field(() => SafeIntScalar) balanceCents!: number;
  @Field(() => String, { nullable: true, description: 'Date of the payment that brought the balance to zero.' }) paidOn!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) voidedAt!: string | null;
  @Field({ description: 'Unpaid (open or partially paid) and due before today in the business time zone.' }) overdue!: boolean;
  @Field(() => Int, { nullable: true, description: 'Calendar days past due while overdue; null otherwise.' }) daysOverdue!: number | null;
}

@ObjectType()
export class InvoiceConnection extends Connection(Invoice) {}

@ObjectType()
export class PaymentConnection extends Connection(Payment) {}

/** Payments page in the order they were received. */
export const paymentOrder = (payment: Payment): string => `${payment.at} ${payment.paymentId}`;

export const unpaidStatuses: readonly InvoiceStatus[] = ['OPEN', 'PARTIALLY_PAID'];

/** `today` is the business date the overdue fields are computed for. */
export function toInvoice(today: string): (document: InvoiceDocument) => Invoice {
  return (document) => {
    const overdue = unpaidStatuses.includes(document.status) && document.dueOn < today;
    return {
      id: globalIdOf('Invoice', document.invoiceId),
      invoiceId: document.invoiceId,
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
      paymentLines: document.payments.map((payment) => toPayment(document.invoiceId, payment)),
      paidCents: document.paidCents,
      balanceCents: document.balanceCents,
      paidOn: document.paidOn,
      voidedAt: document.voidedAt,
      overdue,
      daysOverdue: overdue ? daysBetween(document.dueOn, today) : null,
    };
  };
}

export function toPayment(invoiceId: string, payment: InvoiceDocument['payments'][number]): Payment {
  const { paymentId, amountCents, paidOn, at } = payment;
  return { id: globalIdOf('Payment', paymentLocalId(invoiceId, paymentId)), paymentId, invoiceId, amountCents, paidOn, at, refundOf: payment.refundOf ?? null };
}
