import type { EventStore } from '../core/event-store.port';
import type { ProjectionLag, ProjectionStatus } from '../core/projection-runner';
import type { ReadStore } from '../core/read-store.port';

export interface ReadinessDeps {
  readonly store: EventStore;
  /** Which event store, for the report (`sqlite:/app/data/events.sqlite`, `eventstoredb`). */
  readonly adapter: string;
  readonly readStore: ReadStore;
  readonly projections: { lag(): Promise<ProjectionLag[]>; status(): ProjectionStatus[] };
  /** Events a projection may be behind the log and still count as ready. */
  readonly lagThreshold: number;
}

export interface ProjectionReadiness {
  readonly ready: boolean;
  readonly eventsBehind: number;
  readonly secondsBehind: number;
  /** Why it is not ready: how far behind, and the failure that stopped it if any. */
  readonly reason?: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly eventStore: { readonly adapter: string; readonly headPosition?: bigint | null; readonly error?: string };
  readonly readStore: { readonly reachable: boolean; readonly error?: string };
  readonly projections: Readonly<Record<string, ProjectionReadiness>>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Ready when both stores answer and every projection is within the lag threshold. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [eventStore, readStore] = await Promise.all([eventStoreState(deps), readStoreState(deps.readStore)]);
  const projections = 'error' in eventStore ? {} : await projectionStates(deps);
  const ready = !('error' in eventStore) && readStore.reachable && Object.values(projections).every((projection) => projection.ready);
  return { ready, eventStore, readStore, projections };
}

async function eventStoreState({ store, adapter }: ReadinessDeps): Promise<Readiness['eventStore']> {
  try {
    return { adapter, headPosition: await store.headPosition() };
  } catch (error) {
    return { adapter, error: messageOf(error) };
  }
}

async function readStoreState(readStore: ReadStore): Promise<Readiness['readStore']> {
  try {
    await readStore.checkpoints();
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: messageOf(error) };
  }
}

async function projectionStates({ projections, lagThreshold }: ReadinessDeps): Promise<Record<string, ProjectionReadiness>> {
  const failures = new Map(projections.status().map((status) => [status.name, status.failure]));
  const states: Record<string, ProjectionReadiness> = {};
  for (const lag of await projections.lag()) {
    const ready = lag.eventsBehind <= lagThreshold;
    const failure = failures.get(lag.name);
    const behind = `${lag.eventsBehindCapped ? 'at least ' : ''}${lag.eventsBehind} events behind the log (threshold ${lagThreshold})`;
    const reason = ready ? undefined : failure ? `${behind}: stopped at event ${failure.eventId} (${failure.eventType}): ${failure.error}` : behind;
    states[lag.name] = { ready, eventsBehind: lag.eventsBehind, secondsBehind: Math.round(lag.secondsBehind), ...(reason ? { reason } : {}) };
  }
  return states;
}
