import { afterEach, describe, expect, it } from 'vitest';
import { fact, projectScenario, type ProjectedScenario } from '../../testing/projection-scenario';
import type { Delivery } from '../delivery';
import { IdentitySnapshot } from './identity-lookup';
import { paymentAllocationsProjection } from '../../projections/identity/payment-allocations.projection';
import { withPaymentAllocations } from './payment-allocations.lookup';

const received = (invoiceId: string, paymentId: string) =>
  fact(`Invoice-${invoiceId}`, '2026-06-02T00:00:00.000Z', { type: 'PaymentReceived', data: { invoiceId, paymentId, amountCents: 100, currency: 'AUD', paidOn: '2026-06-02', balanceCents: 0 } });
const deliveryNaming = (paymentId: string | null) => ({ deliveryId: 'd', payload: { id: paymentId } }) as unknown as Delivery;
const named = (delivery: Delivery) => {
  const id = (delivery.payload as { id: string | null }).id;
  return id ? [id] : [];
};

describe('payment allocations for deliveries that name a deleted payment', () => {
  let scenario: ProjectedScenario | null = null;
  afterEach(async () => {
    await scenario?.close();
    scenario = null;
  });

  it('answers the invoices each named payment was recorded on, and none for one never recorded', async () => {
    scenario = await projectScenario([paymentAllocationsProjection], [received('i1', 'p1'), received('i2', 'p1'), received('i3', 'p2')]);
    const lookup = await withPaymentAllocations(() => IdentitySnapshot.of({}), scenario.reads, named)(deliveryNaming('p1'));
    expect(lookup.invoicesOfPayment?.('p1')).toEqual(['i1', 'i2']);
    expect((await withPaymentAllocations(() => IdentitySnapshot.of({}), scenario.reads, named)(deliveryNaming('p9'))).invoicesOfPayment?.('p9')).toEqual([]);
  });

  it('fails the attempt, to be retried, while the read models have not caught up with the log', async () => {
    scenario = await projectScenario([paymentAllocationsProjection], [received('i1', 'p1')]);
    const behind = withPaymentAllocations(() => IdentitySnapshot.of({}), scenario.reads, named, async () => false);
    await expect(behind(deliveryNaming('p1'))).rejects.toMatchObject({ kind: 'upstream', code: 'ingest.read_models_behind' });
    // A delivery naming no payment neither waits nor reads.
    expect((await behind(deliveryNaming(null))).invoicesOfPayment).toBeUndefined();
  });
});
