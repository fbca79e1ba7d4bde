import { isAppError } from './errors';
import type { ProjectionNotice, ProjectionPause } from './projection-runner.types';
import type { Clock } from './time';

/**
 * Projections a store failure (a full disk, a file it cannot read) keeps from applying events:
 * they retry by themselves; the operator is told once when one pauses and once when it resumes.
 */
export class ProjectionPauses {
  private readonly pauses = new Map<string, ProjectionPause>();

  constructor(
    private readonly clock: Clock,
    private readonly notify: (notice: ProjectionNotice) => void,
  ) {}

  of(name: string): ProjectionPause | null {
    return this.pauses.get(name) ?? null;
  }

  pause(name: string, error: unknown): void {
    const code = isAppError(error) ? error.code : 'projection.store_failed';
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.pauses.has(name)) this.notify({ kind: 'paused', projection: name, code, reason, error });
    this.pauses.set(name, { code, reason, since: this.pauses.get(name)?.since ?? this.clock().toISOString() });
  }

  resume(name: string): void {
    const pause = this.pauses.get(name);
    if (!pause) return;
    this.pauses.delete(name);
    this.notify({ kind: 'resumed', projection: name, after: pause.code });
  }
}
