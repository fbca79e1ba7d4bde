import { UpstreamError } from '../../core/errors';
import type { ReadStore } from '../../core/read-store.port';
import { paymentAllocationsCollection, type PaymentAllocationDocument } from '../../projections/identity/payment-allocations.projection';
import type { Delivery, IdentityLookup } from '../delivery';

/** The payment ids a delivery names whose allocations its translation needs (see `paymentsNamedBy`). */
export type PaymentsNamed = (delivery: Delivery) => readonly string[];

/**
 * Wraps an identity loader so each delivery's lookup also answers `invoicesOfPayment` for the
 * payments it names, read in one query per attempt (most deliveries name none and read nothing).
 * `caughtUp` waits until the read models hold every event stored before the attempt, so a payment
 * recorded a moment earlier is found; when they cannot catch up the attempt fails and is retried.
 */
export function withPaymentAllocations(
  identities: () => Promise<IdentityLookup> | IdentityLookup,
  reads: ReadStore,
  named: PaymentsNamed,
  caughtUp: () => Promise<boolean> = async () => true,
): (delivery?: Delivery) => Promise<IdentityLookup> {
  return async (delivery) => {
    const lookup = await identities();
    const paymentIds = delivery ? named(delivery) : [];
    if (paymentIds.length === 0) return lookup;
    if (!(await caughtUp())) throw new UpstreamError('ingest.read_models_behind', 'The payment allocations have not caught up with the log yet; the delivery is retried');
    const found = await reads.getMany<PaymentAllocationDocument>(paymentAllocationsCollection, paymentIds);
    const allocations = new Map([...found].map(([id, { document }]) => [id, document.invoiceIds]));
    return {
      clientByToolId: (tool, externalId) => lookup.clientByToolId(tool, externalId),
      clientByEmailDomain: (domain) => lookup.clientByEmailDomain(domain),
      invoicesOfPayment: (paymentId) => allocations.get(paymentId) ?? [],
    };
  };
}
