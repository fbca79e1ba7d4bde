import { type DamagedEvent, describeDamage } from '../core/event-damage';
import type { EventStore, WriteFault } from '../core/event-store.port';
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
  /** Events it went past (damaged, or malformed data it could not apply), each named. */
  readonly skipped?: readonly string[];
}

export interface Readiness {
  readonly ready: boolean;
  /** Every reason it is not ready, one line each (`event store writes refused: … SQLITE_FULL`). */
  readonly reasons: readonly string[];
  readonly eventStore: {
    readonly adapter: string;
    readonly headPosition?: bigint | null;
    readonly error?: string;
    /** Why appends are refused right now (a full disk); the store still serves reads. */
    readonly writeFault?: WriteFault;
    /** Damaged events found in the log: named, gone past, and not a reason to stop serving. */
    readonly damagedEvents?: readonly DamagedEvent[];
  };
  readonly readStore: { readonly reachable: boolean; readonly error?: string };
  readonly projections: Readonly<Record<string, ProjectionReadiness>>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Ready when both stores answer, the event store accepts writes, and every projection is live
 * (not failed, not paused by a store failure) and within the lag threshold.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [eventStore, readStore] = await Promise.all([eventStoreState(deps), readStoreState(deps.readStore)]);
  const projections = eventStore.error !== undefined ? {} : await projectionStates(deps);
  const reasons = [
    ...(eventStore.error !== undefined ? [`event store unreadable: ${eventStore.error}`] : []),
    ...(eventStore.writeFault ? [`event store writes refused: ${eventStore.writeFault.message}`] : []),
    ...(readStore.reachable ? [] : [`read store unreadable: ${readStore.error}`]),
    ...Object.entries(projections).flatMap(([name, projection]) => (projection.ready ? [] : [`projection ${name}: ${projection.reason}`])),
  ];
  const damaged = eventStore.damagedEvents ?? [];
  return { ready: reasons.length === 0, reasons: [...reasons, ...damaged.map((damage) => `damaged event skipped: ${describeDamage(damage)}`)], eventStore, readStore, projections };
}

async function eventStoreState({ store, adapter }: ReadinessDeps): Promise<Readiness['eventStore']> {
  const writeFault = store.writeFault?.() ?? null;
  const damagedEvents = store.damage?.list() ?? [];
  const known = { adapter, ...(writeFault ? { writeFault } : {}), ...(damagedEvents.length > 0 ? { damagedEvents } : {}) };
  try {
    return { ...known, headPosition: await store.headPosition() };
  } catch (error) {
    return { ...known, error: messageOf(error) };
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
  const statuses = new Map(projections.status().map((status) => [status.name, status]));
  const states: Record<string, ProjectionReadiness> = {};
  for (const lag of await projections.lag()) {
    const status = statuses.get(lag.name);
    const failure = status?.failure ?? null;
    const paused = status?.paused ?? null;
    const ready = lag.eventsBehind <= lagThreshold && failure === null && paused === null;
    const behind = `${lag.eventsBehindCapped ? 'at least ' : ''}${lag.eventsBehind} events behind the log (threshold ${lagThreshold})`;
    const reason = ready
      ? undefined
      : failure
        ? `failed at event ${failure.eventId} (${failure.eventType}, position ${failure.position}): ${failure.error}; ${behind}`
        : paused
          ? `paused since ${paused.since}: ${paused.reason}; ${behind}`
          : behind;
    const skipped = (status?.skipped ?? []).map(describeDamage);
    states[lag.name] = { ready, eventsBehind: lag.eventsBehind, secondsBehind: Math.round(lag.secondsBehind), ...(reason ? { reason } : {}), ...(skipped.length > 0 ? { skipped } : {}) };
  }
  return states;
}
