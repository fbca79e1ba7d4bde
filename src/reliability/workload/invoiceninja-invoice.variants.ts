import type { SeededRandom } from '../../demo/seeded-random';
import { isoDate, type Payload, samplePayload } from './fixture-payloads';
import type { WorkloadClient, WorkloadUnit } from './workload.types';

const aud = '12';
const day = 86_400;

interface Bill {
  readonly id: string;
  readonly number: string;
  readonly client: WorkloadClient;
  readonly amountCents: number;
  readonly issuedAt: number;
}

/**
 * An Invoice Ninja invoice sent, then paid in two parts — three deliveries giving the issue, two
 * payments and the "paid" fact on `Invoice-invoiceninja:<hashid>`.
 */
export function invoiceNinjaInvoiceUnit(index: number, client: WorkloadClient, random: SeededRandom, start: number): WorkloadUnit {
  const bill: Bill = { id: hashid('inv', index), number: `INV-${10_000 + index}`, client, amountCents: random.int(50_000, 900_000), issuedAt: start + index * 131 };
  const firstPart = Math.round(bill.amountCents * (0.2 + random.next() * 0.6));
  const payments = [
    { id: hashid('pay', index * 2), cents: firstPart, paidAt: bill.issuedAt + random.int(1, 10) * day },
    { id: hashid('pay', index * 2 + 1), cents: bill.amountCents - firstPart, paidAt: bill.issuedAt + random.int(11, 40) * day },
  ];
  const invoiceId = `invoiceninja:${bill.id}`;
  const deliveries = [
    { label: `invoiceninja:${bill.id}:sent`, tool: 'invoiceninja' as const, invoiceNinjaEvent: 'sent_invoice', body: JSON.stringify(sentInvoice(bill)) },
    ...payments.map((payment, part) => ({
      label: `invoiceninja:${bill.id}:payment${part + 1}`,
      tool: 'invoiceninja' as const,
      invoiceNinjaEvent: 'create_payment',
      body: JSON.stringify(paymentOf(bill, payment, part === 0 ? bill.amountCents - payment.cents : 0)),
    })),
  ];
  const facts = [
    { type: 'InvoiceIssued', key: invoiceId },
    ...payments.map((payment) => ({ type: 'PaymentReceived', key: `invoiceninja:${payment.id}@${invoiceId}` })),
    { type: 'InvoicePaid', key: invoiceId },
  ];
  return { deliveries, facts };
}

/** Invoice Ninja's hashids are 10 letters and digits; ours are unique per kind and index. */
function hashid(kind: string, index: number): string {
  return `${kind}${index.toString(36).padStart(7, '0')}`;
}

const money = (cents: number) => cents / 100;

function clientOf(bill: Bill): Payload {
  const client = samplePayload('invoiceninja.sent_invoice').client;
  client.id = bill.client.invoiceNinjaClientId;
  client.name = bill.client.name;
  client.settings = { ...client.settings, currency_id: aud };
  client.contacts = client.contacts.map((contact: Payload) => ({ ...contact, email: `billing@${bill.client.domain}` }));
  return client;
}

function invoiceOf(bill: Bill, balanceCents: number, updatedAt: number): Payload {
  const invoice = samplePayload('invoiceninja.sent_invoice');
  delete invoice.client;
  const status = balanceCents === 0 ? '4' : balanceCents < bill.amountCents ? '3' : '2';
  return {
    ...invoice,
    id: bill.id,
    number: bill.number,
    client_id: bill.client.invoiceNinjaClientId,
    amount: money(bill.amountCents),
    balance: money(balanceCents),
    paid_to_date: money(bill.amountCents - balanceCents),
    status_id: status,
    date: isoDate(bill.issuedAt),
    last_sent_date: isoDate(bill.issuedAt),
    due_date: isoDate(bill.issuedAt + 14 * day),
    created_at: bill.issuedAt - 600,
    updated_at: updatedAt,
  };
}

function sentInvoice(bill: Bill): Payload {
  return { ...invoiceOf(bill, bill.amountCents, bill.issuedAt), client: clientOf(bill) };
}

function paymentOf(bill: Bill, payment: { id: string; cents: number; paidAt: number }, balanceAfter: number): Payload {
  const sample = samplePayload('invoiceninja.create_payment');
  const paymentable = { ...sample.paymentables[0], id: `pb${payment.id}`, invoice_id: bill.id, amount: money(payment.cents), created_at: payment.paidAt, updated_at: payment.paidAt };
  return {
    ...sample,
    id: payment.id,
    number: payment.id.toUpperCase(),
    amount: money(payment.cents),
    applied: money(payment.cents),
    date: isoDate(payment.paidAt),
    client_id: bill.client.invoiceNinjaClientId,
    currency_id: aud,
    status_id: '4',
    created_at: payment.paidAt,
    updated_at: payment.paidAt + 5,
    paymentables: [paymentable],
    invoices: [invoiceOf(bill, balanceAfter, payment.paidAt + 20)],
    client: clientOf(bill),
  };
}
