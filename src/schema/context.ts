import type { Deadline } from '../core/deadline';
import type { ApiKeys } from './auth/api-keys.service';
import type { KeyRateLimiter } from './hardening/key-rate-limiter';
import type { ProjectionFeed } from './projections/projection-feed';
import type { Rebuilds } from './projections/rebuilds';
import type { SchemaServices } from './schema-services';

export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';

/** Who is calling: an API key's id, name and role. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}

/** The caller behind a browser session's id; with `requireCsrf` (default), only with the session's CSRF token. Throws UnauthorizedError. */
export interface SessionLookup {
  principalOf(sessionId: string, csrfToken: string | null | undefined, requireCsrf?: boolean): Principal;
}

/** What the API itself needs beyond the business services: keys, read-model progress and rebuilds. */
export interface PlatformServices {
  readonly apiKeys: ApiKeys;
  /** Browser sessions of the dashboard, each standing for an API key (`WebSessions`). */
  readonly sessions: SessionLookup;
  readonly projectionFeed: ProjectionFeed;
  readonly rebuilds: Rebuilds;
  /** Requests per API key (HTTP GraphQL, the export, WebSocket subscriptions). */
  readonly rateLimiter: KeyRateLimiter;
}

/** Built once per request (or per subscription connection); resolvers read everything from here. */
export interface GraphQLContext {
  readonly services: SchemaServices;
  readonly platform: PlatformServices;
  /** Null only while the request is being authenticated; resolvers always see a principal. */
  readonly principal: Principal | null;
  readonly requestId: string;
  /** Propagated into the metadata of every event a mutation appends. */
  readonly correlationId: string;
  /** When the operation's work must stop; long reads check it between chunks (`chunked`). */
  readonly deadline: Deadline;
}
