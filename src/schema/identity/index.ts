import { ClientIdentityResolver } from './client-identity.resolver';

/** Identity mapping: which client a tool id or e-mail domain stands for. */
export const identityResolvers: Function[] = [ClientIdentityResolver];
