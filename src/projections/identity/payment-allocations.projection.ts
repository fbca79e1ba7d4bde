import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';

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
