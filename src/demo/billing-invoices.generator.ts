import type { InvoiceKind } from '../aggregates/invoice/invoice.events';
import { addDays, addMonths, addWorkingDays, isWorkingDay, workingDayFrom } from './business-calendar';
import type { DemoClient, DemoWorld, PayerHabit } from './demo-world';
import type { SeededRandom } from './seeded-random';

export interface InvoiceSpec {
  readonly clientId: string;
  readonly projectId: string | null;
  readonly amountCents: number;
  readonly kind: InvoiceKind;
  readonly date: string;
  readonly minute: number;
}

/** Days from issue to payment, by how the client pays. */
const paymentDelay: Record<PayerHabit, readonly [number, number]> = { prompt: [2, 25], slow: [10, 45], late: [28, 90] };

/** Monthly retainer invoices on the first working day; annual ones on their anniversary. */
export function planInvoicesDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const firstWorkingDay = date === workingDayFrom(`${date.slice(0, 8)}01`);
  let minute = 9 * 60;
  for (const client of world.activeClients()) {
    const retainer = client.retainer;
    if (!retainer) continue;
    const due = retainer.billingPeriod === 'MONTHLY' ? firstWorkingDay : retainer.nextInvoiceOn <= date;
    if (!due) continue;
    if (retainer.billingPeriod === 'ANNUAL') retainer.nextInvoiceOn = addMonths(date, 12);
    issueInvoice(world, { clientId: client.id, projectId: null, amountCents: retainer.amountCents, kind: 'RECURRING', date, minute: (minute += 0.5) });
  }
}

/**
 * Issues an invoice and plans its fate at once: a few are voided and reissued, the rest are paid
 * in the client's habit — some in two parts, some only after the history ends.
 */
export function issueInvoice(world: DemoWorld, spec: InvoiceSpec): void {
  const random = world.random('invoices');
  const invoiceId = world.nextId('inv', 5);
  const client = world.client(spec.clientId);
  const dueOn = addDays(spec.date, client.tier === 'ENTERPRISE' ? 30 : 14);
  const { clientId, projectId, amountCents, kind, date: issuedOn } = spec;
  const number = `INV-${invoiceId.slice(4)}`;
  world.on(issuedOn, spec.minute, (occurredAt) => ({
    type: 'IssueInvoice',
    occurredAt,
    data: { invoiceId, clientId, projectId, number, amountCents, currency: 'AUD', issuedOn, dueOn, kind },
  }));
  if (random.chance(0.015)) return voidAndReissue(world, random, invoiceId, spec);
  planPayments(world, random, client, invoiceId, spec);
}

function voidAndReissue(world: DemoWorld, random: SeededRandom, invoiceId: string, spec: InvoiceSpec): void {
  const date = addWorkingDays(spec.date, random.int(1, 4));
  world.on(date, 11 * 60, (occurredAt) => ({ type: 'VoidInvoice', occurredAt, data: { invoiceId, reason: 'issued with the wrong details' } }));
  issueInvoice(world, { ...spec, date, minute: 11 * 60 + 10 });
}

function planPayments(world: DemoWorld, random: SeededRandom, client: DemoClient, invoiceId: string, spec: InvoiceSpec): void {
  const [min, max] = paymentDelay[client.payer];
  const paidOn = workingDayFrom(addDays(spec.date, random.int(min, max)));
  if (!random.chance(0.08) || spec.amountCents < 200) return pay(world, random, invoiceId, paidOn, spec.amountCents);
  const first = Math.round((spec.amountCents * random.between(0.4, 0.7)) / 100) * 100;
  pay(world, random, invoiceId, paidOn, first);
  pay(world, random, invoiceId, workingDayFrom(addDays(paidOn, random.int(7, 30))), spec.amountCents - first);
}

function pay(world: DemoWorld, random: SeededRandom, invoiceId: string, paidOn: string, amountCents: number): void {
  const paymentId = world.nextId('pay', 5);
  world.on(paidOn, random.int(10 * 60, 16 * 60), (occurredAt) => ({
    type: 'RecordPayment',
    occurredAt,
    data: { invoiceId, paymentId, amountCents, currency: 'AUD', paidOn },
  }));
}
