import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { InvoiceCommand } from './invoice.commands';
import { invoiceDecider } from './invoice.decider';
import type { InvoiceEvent } from './invoice.events';

const spec = deciderSpec(invoiceDecider);
const at = '2026-03-02T00:00:00.000Z';

const issued: InvoiceEvent = {
  type: 'InvoiceIssued',
  data: { invoiceId: 'inv-1', clientId: 'c-1', projectId: null, number: 'INV-0001', amountCents: 100_000, currency: 'AUD', issuedOn: '2026-03-01', dueOn: '2026-03-31', kind: 'ONE_OFF' },
};
const issue: InvoiceCommand = { type: 'IssueInvoice', occurredAt: at, data: { ...issued.data } };
const pay = (paymentId: string, amountCents: number): InvoiceCommand => ({
  type: 'RecordPayment',
  occurredAt: at,
  data: { invoiceId: 'inv-1', paymentId, amountCents, currency: 'AUD', paidOn: '2026-03-10' },
});
const received = (paymentId: string, amountCents: number, balanceCents: number): InvoiceEvent => ({
  type: 'PaymentReceived',
  data: { invoiceId: 'inv-1', paymentId, amountCents, currency: 'AUD', paidOn: '2026-03-10', balanceCents },
});
const paid: InvoiceEvent = { type: 'InvoicePaid', data: { invoiceId: 'inv-1', paidOn: '2026-03-10' } };
const voided: InvoiceEvent = { type: 'InvoiceVoided', data: { invoiceId: 'inv-1', reason: 'duplicate' } };
const voidIt: InvoiceCommand = { type: 'VoidInvoice', occurredAt: at, data: { invoiceId: 'inv-1', reason: 'duplicate' } };

describe('invoice decider', () => {
  it('issues an invoice', () => spec.given([]).when(issue).then([issued]));

  it('treats issuing the same invoice again as a no-op', () => spec.given([issued]).when(issue).thenNothingHappens());

  it('rejects reissuing an invoice id under another number', () =>
    spec.given([issued]).when({ ...issue, data: { ...issue.data, number: 'INV-0002' } } as InvoiceCommand).thenRejects('invoice.already_issued'));

  it('refuses an invoice id reused with another amount', () =>
    spec.given([issued]).when({ ...issue, data: { ...issue.data, amountCents: 5 } } as InvoiceCommand).thenRejects('invoice.exists_with_other_facts'));

  it('refuses an invoice for a client that was never onboarded', () =>
    spec.given([]).when({ ...issue, data: { ...issue.data, client: null } } as InvoiceCommand).thenRejects('client.unknown'));

  it('issues for a client that exists, without storing what the route read', () =>
    spec.given([]).when({ ...issue, data: { ...issue.data, client: { clientId: 'c-1', status: 'active' } } } as InvoiceCommand).then([issued]));

  it('refuses a payment id reused with a new amount, naming refundPayment', () =>
    spec.given([issued, received('p-1', 2_500, 97_500)]).when(pay('p-1', 9_000)).thenRejects('payment.exists_with_other_facts'));

  it('refuses a payment dated before its invoice was issued', () =>
    spec.given([issued]).when({ ...pay('p-1', 2_500), data: { ...pay('p-1', 2_500).data, paidOn: '2026-02-27' } } as InvoiceCommand).thenRejects('payment.before_invoice'));

  it('rejects an amount that is not a positive whole number of cents', () => {
    for (const amountCents of [0, -5, 10.5]) {
      spec.given([]).when({ ...issue, data: { ...issue.data, amountCents } } as InvoiceCommand).thenRejects('invoice.invalid_amount');
    }
  });

  it('rejects an amount without an ISO currency', () =>
    spec.given([]).when({ ...issue, data: { ...issue.data, currency: 'dollars' } } as InvoiceCommand).thenRejects('money.invalid_currency'));

  it('rejects a due date before the issue date', () =>
    spec.given([]).when({ ...issue, data: { ...issue.data, dueOn: '2026-02-28' } } as InvoiceCommand).thenRejects('invoice.due_before_issue'));

  it('records a partial payment and keeps the balance open', () =>
    spec.given([issued]).when(pay('p-1', 40_000)).then([received('p-1', 40_000, 60_000)]));

  it('marks the invoice paid when a payment clears the balance', () =>
    spec.given([issued, received('p-1', 40_000, 60_000)]).when(pay('p-2', 60_000)).then([received('p-2', 60_000, 0), paid]));

  it('is paid on the latest payment date even when that payment was recorded first', () =>
    spec
      .given([issued, { ...received('p-late', 60_000, 40_000), data: { ...received('p-late', 60_000, 40_000).data, paidOn: '2026-03-20' } } as InvoiceEvent])
      .when(pay('p-early', 40_000))
      .then([received('p-early', 40_000, 0), { type: 'InvoicePaid', data: { invoiceId: 'inv-1', paidOn: '2026-03-20' } }]));

  it('rejects a payment above the open balance', () =>
    spec.given([issued, received('p-1', 40_000, 60_000)]).when(pay('p-2', 60_001)).thenRejects('invoice.overpayment'));

  it('treats the same payment id twice as a no-op', () =>
    spec.given([issued, received('p-1', 40_000, 60_000)]).when(pay('p-1', 40_000)).thenNothingHappens());

  it('rejects a payment for an invoice that was never issued', () => spec.given([]).when(pay('p-1', 1)).thenRejects('invoice.not_issued'));

  it('rejects a payment for a voided invoice', () => spec.given([issued, voided]).when(pay('p-1', 1)).thenRejects('invoice.voided'));

  it('rejects a payment in another currency', () =>
    spec
      .given([issued])
      .when({ ...pay('p-1', 1), data: { ...pay('p-1', 1).data, currency: 'NZD' } } as InvoiceCommand)
      .thenRejects('payment.currency_mismatch'));

  it('voids an open invoice', () => spec.given([issued]).when(voidIt).then([voided]));

  it('rejects voiding a paid invoice', () =>
    spec.given([issued, received('p-1', 100_000, 0), paid]).when(voidIt).thenRejects('invoice.already_paid'));

  it('treats voiding a void invoice as a no-op', () => spec.given([issued, voided]).when(voidIt).thenNothingHappens());
});
