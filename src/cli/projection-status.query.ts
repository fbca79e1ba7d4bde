import type { EventStore } from '../core/event-store.port';
import type { Projection } from '../core/projection';
import { shadowName } from '../core/projection-rebuild';
import type { ProjectionFailure, ReadStore } from '../core/read-store.port';

/** The same cap as the runner's lag: a status read stays cheap however far behind a projection is. */
const lagCountLimit = 10_000;

export type ProjectionState = 'up to date' | 'behind' | 'failed' | 'rebuild due' | 'rebuilding' | 'not built';

export interface ProjectionStatusRow {
  readonly name: string;
  readonly version: number;
  readonly state: ProjectionState;
  readonly position: bigint | null;
  readonly eventsBehind: number;
  readonly eventsBehindCapped: boolean;
  readonly secondsBehind: number;
  readonly failure: ProjectionFailure | null;
}

/**
 * Each projection's state as stored: its checkpoint and how far the log has moved past it. Read
 * from the stores, so it also describes projections another process runs.
 */
export async function projectionStatuses(projections: readonly Projection[], eventStore: EventStore, readStore: ReadStore, now = Date.now()): Promise<ProjectionStatusRow[]> {
  const rows: ProjectionStatusRow[] = [];
  for (const projection of projections) {
    const checkpoint = await readStore.checkpoint(projection.name);
    const rebuilding = (await readStore.checkpoint(shadowName(projection.name))) !== null;
    const pending: string[] = [];
    const after = checkpoint?.position ?? undefined;
    for await (const event of eventStore.readAll({ after, types: projection.handles, maxCount: lagCountLimit })) pending.push(event.metadata.recordedAt);
    const oldest = pending[0];
    const state: ProjectionState = checkpoint?.failure
      ? 'failed'
      : rebuilding
        ? 'rebuilding'
        : !checkpoint
          ? 'not built'
          : checkpoint.version !== projection.version
            ? 'rebuild due'
            : pending.length > 0
              ? 'behind'
              : 'up to date';
    rows.push({
      name: projection.name,
      version: projection.version,
      state,
      position: checkpoint?.position ?? null,
      eventsBehind: pending.length,
      eventsBehindCapped: pending.length === lagCountLimit,
      secondsBehind: oldest ? Math.max(0, Math.round((now - Date.parse(oldest)) / 1000)) : 0,
      failure: checkpoint?.failure ?? null,
    });
  }
  return rows;
}
