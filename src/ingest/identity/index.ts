export { IdentitySnapshot, identityLookupLoader, loadIdentityLookup } from './identity-lookup';
export { createIdentityService, type IdentityService } from './identity.service';
export { withPaymentAllocations, type PaymentsNamed } from './payment-allocations.lookup';
