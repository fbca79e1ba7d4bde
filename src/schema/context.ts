import type { AppServices } from '../app-services';

export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';

/** Who is calling: an API key's id, name and role. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}

/** Built once per request (or per subscription connection); resolvers read everything from here. */
export interface GraphQLContext {
  readonly services: AppServices;
  /** Null only while the request is being authenticated; resolvers always see a principal. */
  readonly principal: Principal | null;
  readonly requestId: string;
  /** Propagated into the metadata of every event a mutation appends. */
  readonly correlationId: string;
}
