import type { BusinessCommand } from './aggregates';
import type { CommandBus } from './aggregates/command-bus';
import type { AppConfig } from './config';
import type { EventStore } from './core/event-store.port';
import type { Processors } from './core/processors';
import type { ProjectionRunner } from './core/projection-runner';
import type { ReadStore } from './core/read-store.port';
import type { Clock } from './core/time';
import type { KpiContext } from './projections/shared/kpi';

/**
 * Everything the edges (GraphQL, webhooks, CLI, workflows) may use, built once by the
 * composition root in app.ts. Edges talk to ports, never to adapters.
 */
export interface AppServices {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly commands: CommandBus<BusinessCommand>;
  readonly projections: ProjectionRunner;
  /** Everything that follows the log: the projections above and the reactors (see app-processors.ts). */
  readonly processors: Processors;
  readonly kpi: KpiContext;
  /** A throw-away read store for as-of queries (SQLite in memory); whoever opens one closes it. */
  readonly openScratchReadStore: () => Promise<ReadStore>;
}
