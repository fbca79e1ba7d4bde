import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { InvoiceCommand } from './invoice.commands';
import { invoiceDecider } from './invoice.decider';
import type { InvoiceEvent } from './invoice.events';

const spec = deciderSpec(invoiceDecider);
const occurredAt = '2026-03-02T00:00:00.000Z';
const invoiceId = 'inv-1';

const issued: InvoiceEvent = {
  type: 'InvoiceIssued',
  data: { invoiceId, clientId: 'c-1', projectId: null, number: 'INV-0001', amountCents: 100_000, currency: 'AUD', issuedOn: '2026-03-01', dueOn: '2026-03-31', kind: 'ONE_OFF' },
};
const received = (paymentId: string, amountCents: number, balanceCents: number, paidOn = '2026-03-10'): InvoiceEvent => ({
  type: 'PaymentReceived',
  data: { invoiceId, paymentId, amountCents, currency: 'AUD', paidOn, balanceCents },
});
const paid = (paidOn = '2026-03-10'): InvoiceEvent => ({ type: 'InvoicePaid', data: { invoiceId, paidOn } });
const command = <C extends InvoiceCommand>(type: C['type'], data: C['data']) => ({ type, occurredAt, data }) as InvoiceCommand;

const deleteIt = command('DeleteInvoice', { invoiceId, reason: 'deleted in Invoice Ninja' });
const deleted: InvoiceEvent = { type: 'InvoiceDeleted', data: { invoiceId, reason: 'deleted in Invoice Ninja' } };
const restoreIt = command('RestoreInvoice', { invoiceId });
const restored: InvoiceEvent = { type: 'InvoiceRestored', data: { invoiceId } };
const deletePayment = (paymentId: string) => command('DeletePayment', { invoiceId, paymentId });
const refund = (paymentId: string, refundedCents: number) => command('RefundPayment', { invoiceId, paymentId, refundedCents, refundedOn: '2026-04-02' });
const credit = (creditId: string, amountCents: number) => command('ApplyCredit', { invoiceId, creditId, amountCents, currency: 'AUD', creditedOn: '2026-03-05' });

describe('invoice decider: reversals', () => {
  it('deletes an issued invoice, paid or not', () => spec.given([issued, received('p-1', 100_000, 0), paid()]).when(deleteIt).then([deleted]));

  it('treats deleting a draft (never issued) or a deleted invoice as a no-op', () => {
    spec.given([]).when(deleteIt).thenNothingHappens();
    spec.given([issued, deleted]).when(deleteIt).thenNothingHappens();
  });

  it('restores a deleted invoice, and restoring one never deleted changes nothing', () => {
    spec.given([issued, deleted]).when(restoreIt).then([restored]);
    spec.given([issued]).when(restoreIt).thenNothingHappens();
  });

  it('rejects a payment for a deleted invoice', () =>
    spec.given([issued, deleted]).when(command('RecordPayment', { invoiceId, paymentId: 'p-1', amountCents: 1, currency: 'AUD', paidOn: '2026-03-10' })).thenRejects('invoice.deleted'));

  it('deletes a payment: its amount, less what was refunded, goes back on the balance', () =>
    spec
      .given([issued, received('p-1', 100_000, 0), paid(), { type: 'PaymentRefunded', data: { invoiceId, paymentId: 'p-1', refundId: 'p-1:refund:30000', amountCents: 30_000, refundedOn: '2026-04-01', balanceCents: 30_000 } }])
      .when(deletePayment('p-1'))
      .then([{ type: 'PaymentDeleted', data: { invoiceId, paymentId: 'p-1', amountCents: 70_000, balanceCents: 100_000 } }]));

  it('treats deleting a payment the invoice never had as a no-op, and a late copy of a deleted payment too', () => {
    spec.given([issued]).when(deletePayment('p-9')).thenNothingHappens();
    const gone: InvoiceEvent = { type: 'PaymentDeleted', data: { invoiceId, paymentId: 'p-1', amountCents: 40_000, balanceCents: 100_000 } };
    spec.given([issued, received('p-1', 40_000, 60_000), gone]).when(command('RecordPayment', { invoiceId, paymentId: 'p-1', amountCents: 40_000, currency: 'AUD', paidOn: '2026-03-10' })).thenNothingHappens();
  });

  it('refunds the difference between the reported total and what was refunded before', () =>
    spec
      .given([issued, received('p-1', 100_000, 0), paid(), { type: 'PaymentRefunded', data: { invoiceId, paymentId: 'p-1', refundId: 'p-1:refund:25000', amountCents: 25_000, refundedOn: '2026-04-01', balanceCents: 25_000 } }])
      .when(refund('p-1', 40_000))
      .then([{ type: 'PaymentRefunded', data: { invoiceId, paymentId: 'p-1', refundId: 'p-1:refund:40000', amountCents: 15_000, refundedOn: '2026-04-02', balanceCents: 40_000 } }]));

  it('treats a repeated refund total as a no-op and rejects a refund above the payment', () => {
    const first: InvoiceEvent = { type: 'PaymentRefunded', data: { invoiceId, paymentId: 'p-1', refundId: 'p-1:refund:25000', amountCents: 25_000, refundedOn: '2026-04-01', balanceCents: 85_000 } };
    spec.given([issued, received('p-1', 40_000, 60_000), first]).when(refund('p-1', 25_000)).thenNothingHappens();
    spec.given([issued, received('p-1', 40_000, 60_000)]).when(refund('p-1', 40_001)).thenRejects('refund.exceeds_payment');
    spec.given([issued]).when(refund('p-1', 1)).thenRejects('payment.not_recorded');
  });

  it('lets a refunded invoice be paid again', () =>
    spec
      .given([issued, received('p-1', 100_000, 0), paid(), { type: 'PaymentRefunded', data: { invoiceId, paymentId: 'p-1', refundId: 'r', amountCents: 100_000, refundedOn: '2026-04-01', balanceCents: 100_000 } }])
      .when(command('RecordPayment', { invoiceId, paymentId: 'p-2', amountCents: 100_000, currency: 'AUD', paidOn: '2026-04-03' }))
      .then([received('p-2', 100_000, 0, '2026-04-03'), paid('2026-04-03')]));

  it('applies a credit against the balance, settling the invoice when it reaches zero', () => {
    spec.given([issued]).when(credit('cn-1', 30_000)).then([{ type: 'InvoiceCredited', data: { invoiceId, creditId: 'cn-1', amountCents: 30_000, creditedOn: '2026-03-05', balanceCents: 70_000 } }]);
    spec
      .given([issued, received('p-1', 70_000, 30_000)])
      .when(credit('cn-1', 30_000))
      .then([{ type: 'InvoiceCredited', data: { invoiceId, creditId: 'cn-1', amountCents: 30_000, creditedOn: '2026-03-05', balanceCents: 0 } }, paid('2026-03-10')]);
  });

  it('treats the same credit twice as a no-op and rejects a credit above the balance', () => {
    const creditedOnce: InvoiceEvent = { type: 'InvoiceCredited', data: { invoiceId, creditId: 'cn-1', amountCents: 30_000, creditedOn: '2026-03-05', balanceCents: 70_000 } };
    spec.given([issued, creditedOnce]).when(credit('cn-1', 30_000)).thenNothingHappens();
    spec.given([issued, creditedOnce]).when(credit('cn-2', 70_001)).thenRejects('invoice.overpayment');
  });
});
