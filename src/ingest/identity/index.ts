import type { Projection } from '../../core/projection';
import { clientIdentitiesProjection } from './client-identities.projection';
import { paymentAllocationsProjection } from './payment-allocations.projection';

export * from './client-identity.commands';
export * from './client-identity.events';
export { clientIdentityDecider, clientIdentityStream, type ClientIdentityState } from './client-identity.decider';
export { identityClaimDecider, identityClaimStream } from './identity-claim.decider';
export { clientIdentitiesCollection, clientIdentitiesProjection, type ClientIdentityDocument } from './client-identities.projection';
export { identityKey } from './identity.keys';
export { identityRoutes } from './identity.routes';
export { IdentitySnapshot, identityLookupLoader, loadIdentityLookup } from './identity-lookup';
export { createIdentityService, type IdentityService } from './identity.service';

/** Add to `allProjections` (src/projections/index.ts) so the runner maintains `client_identities`. */
export const identityProjections: Projection[] = [clientIdentitiesProjection, paymentAllocationsProjection];
export { paymentAllocationsCollection, paymentAllocationsProjection, withPaymentAllocations } from './payment-allocations.projection';
