import type { BusinessCommand } from '../aggregates';
import type { CommandBus } from '../aggregates/command-bus';
import type { EventStore } from '../core/event-store.port';
import type { Processors } from '../core/processors';
import type { ProjectionRunner } from '../core/projection-runner';
import type { ReadStore } from '../core/read-store.port';
import type { Clock } from '../core/time';
import type { ToolCheck } from '../tools/tools-check';
import type { RejectStore } from '../ingest/quarantine/reject-store';
import type { KpiContext } from '../projections/shared/kpi';
import type { KpiCache } from './dashboards/kpi-cache';
import type { ResponseCache } from './dashboards/response-cache';
import type { ApiLimits } from './hardening/api-limits.config';

/** The settings resolvers read: the API's own limits and the few business settings it answers with. */
export interface SchemaSettings {
  readonly apiLimits: ApiLimits;
  readonly businessTimeZone: string;
  /** Most events an as-of dashboard replays before it refuses. */
  readonly asOfMaxEvents: number;
}

/**
 * What resolvers may use: the ports they read and the command bus they send to, the API's settings
 * and its caches. Built once by the composition root (`app-api.ts`); the schema never sees the
 * root's own services or its configuration.
 */
export interface SchemaServices {
  readonly clock: Clock;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly commands: CommandBus<BusinessCommand>;
  readonly projections: ProjectionRunner;
  /** Everything that follows the log, projections and reactors (`processors` query). */
  readonly processors: Pick<Processors, 'status' | 'lag'>;
  readonly kpi: KpiContext;
  /** A throw-away read store for as-of queries (SQLite in memory); whoever opens one closes it. */
  readonly openScratchReadStore: () => Promise<ReadStore>;
  readonly settings: SchemaSettings;
  /** KPI values by (KPI, period, read-model positions), shared by every request. */
  readonly kpiCache: KpiCache;
  /** Whole dashboard answers by (role, day, positions, operation, variables). */
  readonly responseCache: ResponseCache;
  /** Unauthenticated webhook requests refused at the door, kept bounded (ADMIN `webhookRejects`). */
  readonly webhookRejects: RejectStore;
  /** Each tool's credentials and webhook, checked now (ADMIN `toolsCheck`). */
  readonly checkTools: () => Promise<ToolCheck[]>;
}
