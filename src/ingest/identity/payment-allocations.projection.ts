import type { Projection } from '../../core/projection';
import type { ReadDocument, ReadStore } from '../../core/read-store.port';
import { UpstreamError } from '../../core/errors';
import type { Delivery, IdentityLookup } from '../delivery';

export const paymentAllocationsCollection = 'payment_allocations';

/** The invoices a payment was recorded on: `_id` is Zixly's payment id (`invoiceninja:<hashid>`). */
export interface PaymentAllocationDocument extends ReadDocument {
  readonly invoiceIds: string[];
}

/**
 * Which invoices each payment paid, for tools whose deletion notice no longer names them (Invoice
 * Ninja's `delete_payment`). A deleted payment keeps its entry: deleting it again is a no-op.
 */
export const paymentAllocationsProjection: Projection<PaymentAllocationDocument> = {
  name: paymentAllocationsCollection,
  version: 1,
  handles: ['PaymentReceived'],
  documentIds: (event) => [(event.data as { paymentId: string }).paymentId],
  evolve(document, recorded, id) {
    const { invoiceId } = recorded.data as { invoiceId: string };
    if (document?.invoiceIds.includes(invoiceId)) return document;
    return { _id: id, invoiceIds: [...(document?.invoiceIds ?? []), invoiceId] };
  },
  indexes: [],
};

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
