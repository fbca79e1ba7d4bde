import type { Projection } from '../../core/projection';
import { clientIdentitiesProjection } from './client-identities.projection';
import { paymentAllocationsProjection } from './payment-allocations.projection';

export { clientIdentitiesCollection, clientIdentitiesProjection, type ClientIdentityDocument } from './client-identities.projection';
export { paymentAllocationsCollection, paymentAllocationsProjection, type PaymentAllocationDocument } from './payment-allocations.projection';

/** The identity read models: `client_identities` (tool ids and e-mail domains → client) and `payment_allocations`. */
export const identityProjections: Projection[] = [clientIdentitiesProjection, paymentAllocationsProjection];
