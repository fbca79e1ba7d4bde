import { invoiceStream } from '../../aggregates/invoice/invoice.decider';
import { addDays, businessDate, daysBetween } from '../../core/business-time';
import { baseCurrencyOf, invoiceBaseCents, paymentBaseCents } from '../financial/base-amounts';
import { invoicesWithPaymentsIn } from '../financial/financial.reads';
import type { InvoiceDocument } from '../financial/invoices.projection';
import { invoicesCollection } from '../financial/invoices.projection';
import { balanceAt, openAtEnd } from '../financial/receivables.queries';
import { paidOnTime, paymentTermDays } from '../financial/payment-terms';
import { invoicedIn } from '../financial/revenue.queries';
import type { KpiContext } from '../shared/kpi';
import { datesIn } from '../shared/period-filter';
import { computed, eventsOf, type FactRule, type KpiFact, scanned } from './kpi-fact';

const invoiceFact = (invoice: InvoiceDocument, date: string, counted: boolean, rule: string, contribution: number): KpiFact => ({
  entity: 'Invoice',
  id: invoice.invoiceId,
  stream: invoiceStream(invoice.invoiceId),
  date,
  counted,
  rule,
  contribution: counted ? contribution : 0,
  events: eventsOf(invoice),
});

const withoutRate = (context: KpiContext, currency: string) => `excluded: in ${currency} without an exchange rate to ${baseCurrencyOf(context)} (listed under its own currency)`;

export const financialFacts = {
  REVENUE_ACCRUAL_CENTS: scanned<InvoiceDocument>({
    combination: 'SUM',
    collection: invoicesCollection,
    filter: (period) => ({ issuedOn: datesIn(period) }),
    fact: (invoice, context) => {
      const base = invoiceBaseCents(context, invoice);
      const why =
        invoice.status !== 'VOID'
          ? base === null
            ? withoutRate(context, invoice.currency)
            : null
          : invoice.deletedAt
            ? 'excluded: deleted in the tool (restated as never issued)'
            : 'excluded: voided (a void restates the period it was issued in)';
      return invoiceFact(invoice, invoice.issuedOn, why === null, why ?? 'issued in the period', base ?? 0);
    },
  }),
  REVENUE_CASH_CENTS: computed({
    combination: 'SUM',
    collections: [invoicesCollection],
    facts: async (context, period) =>
      (await invoicesWithPaymentsIn(context, period)).flatMap((invoice) =>
        invoice.payments
          .filter((payment) => payment.paidOn >= period.fromDate && payment.paidOn < period.toDate)
          .map((payment) => {
            const base = paymentBaseCents(context, invoice, payment);
            const rule = base === null ? withoutRate(context, invoice.currency) : payment.refundOf ? `a refund of ${payment.refundOf} dated in the period` : 'a payment dated in the period';
            return { entity: 'Payment', id: payment.paymentId, stream: invoiceStream(invoice.invoiceId), date: payment.paidOn, counted: base !== null, rule, contribution: base ?? 0, events: eventsOf(invoice) };
          }),
      ),
  }),
  RECEIVABLES_CENTS: computed({
    combination: 'SUM',
    collections: [invoicesCollection],
    facts: async (context, period) => {
      const asOf = addDays(period.toDate, -1);
      return (await openAtEnd(context, period)).map((invoice) => {
        const { cents, baseCents } = balanceAt(context, invoice, period);
        if (cents <= 0) return invoiceFact(invoice, invoice.issuedOn, false, `excluded: nothing owed at the end of ${asOf}`, 0);
        if (baseCents === null) return invoiceFact(invoice, invoice.issuedOn, false, withoutRate(context, invoice.currency), 0);
        return invoiceFact(invoice, invoice.issuedOn, true, `owed at the end of ${asOf}, ${daysBetween(invoice.dueOn, asOf)} days past due ${invoice.dueOn}`, baseCents);
      });
    },
  }),
  PAID_WITHIN_30_DAYS_RATE: computed({
    combination: 'SHARE',
    collections: [invoicesCollection],
    facts: async (context, period) => {
      const asOf = businessDate(new Date(), context.timeZone);
      return (await invoicedIn(context, period)).map((invoice) => {
        const paid = invoice.paidOn !== null && invoice.paidOn <= asOf;
        if (!paid && daysBetween(invoice.issuedOn, asOf) <= paymentTermDays) return invoiceFact(invoice, invoice.issuedOn, false, `excluded: unpaid and its ${paymentTermDays} days not over on ${asOf}`, 0);
        if (!paid) return invoiceFact(invoice, invoice.issuedOn, true, `unpaid more than ${paymentTermDays} days after issue (in the denominator only)`, 0);
        const days = daysBetween(invoice.issuedOn, invoice.paidOn!);
        return paidOnTime(invoice)
          ? invoiceFact(invoice, invoice.issuedOn, true, `paid in full ${days} days after issue`, 1)
          : invoiceFact(invoice, invoice.issuedOn, true, `paid in full ${days} days after issue (in the denominator only)`, 0);
      });
    },
  }),
} as const satisfies Record<string, FactRule>;
