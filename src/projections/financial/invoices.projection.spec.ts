import { afterEach, describe, expect, it } from 'vitest';
import { projectScenario, type ProjectedScenario, type ScenarioFact } from '../../testing/projection-scenario';
import { issued, paid, voided } from '../../testing/projections/financial.fixtures';
import { invoicesCollection, invoicesProjection, type InvoiceDocument } from './invoices.projection';

describe('invoices read model', () => {
  let scenario: ProjectedScenario | null = null;
  const invoiceAfter = async (facts: ScenarioFact[], id: string) => {
    scenario = await projectScenario([invoicesProjection], facts);
    return (await scenario.reads.getMany<InvoiceDocument>(invoicesCollection, [id])).get(id)?.document ?? null;
  };
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('tracks partial payments, the payment date range and the date it was paid in full', async () => {
    const invoice = await invoiceAfter([
      issued('i1', 'c1', '2026-03-01', 100_000, { dueOn: '2026-03-15' }),
      ...paid('i1', 'p1', '2026-03-10', 40_000, 60_000),
      ...paid('i1', 'p2', '2026-04-02', 60_000, 0),
    ], 'i1');
    expect(invoice).toMatchObject({
      amountCents: 100_000,
      paidCents: 100_000,
      balanceCents: 0,
      firstPaymentOn: '2026-03-10',
      lastPaymentOn: '2026-04-02',
      paidOn: '2026-04-02',
      status: 'PAID',
      issuedAt: '2026-02-28T14:00:00.000Z',
      payments: [
        { paymentId: 'p1', amountCents: 40_000, paidOn: '2026-03-10', at: '2026-03-09T23:00:00.000Z' },
        { paymentId: 'p2', amountCents: 60_000, paidOn: '2026-04-02', at: '2026-04-01T23:00:00.000Z' },
      ],
    });
  });

  it('marks a partly paid invoice and keeps its payments when it is voided', async () => {
    const invoice = await invoiceAfter([
      issued('i1', 'c1', '2026-03-01', 100_000),
      ...paid('i1', 'p1', '2026-03-10', 40_000, 60_000),
      voided('i1', '2026-03-20T00:00:00.000Z'),
    ], 'i1');
    expect(invoice).toMatchObject({ status: 'VOID', voidedAt: '2026-03-20T00:00:00.000Z', balanceCents: 60_000, paidCents: 40_000, paidOn: null });
  });
});
