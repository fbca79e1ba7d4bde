import type { ProjectionRunner } from '../../core/projection-runner';
import { logger } from '../../logging/logger';

/**
 * Rebuilds started through the API. The runner reports progress only after a rebuild's first
 * batch, so "is it rebuilding?" is answered from here from the moment it starts until it ends.
 */
export class Rebuilds {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly runner: Pick<ProjectionRunner, 'rebuild' | 'runsHere' | 'handOver'>) {}

  /**
   * Starts a rebuild (or joins the one under way) — in a process that does not run the projection
   * (an API replica of a fleet), hands it to the one that does; throws NotFoundError for an
   * unknown projection.
   */
  start(name: string, correlationId: string): void {
    if (this.running.has(name)) return;
    const done = (this.runner.runsHere(name) ? this.runner.rebuild(name) : this.runner.handOver(name))
      .catch((error: unknown) => {
        // The runner keeps the reason (rebuildError); the previous version goes on serving.
        logger.error({ component: 'projections', projection: name, correlationId, err: error }, 'projection rebuild failed');
      })
      .finally(() => this.running.delete(name));
    this.running.set(name, done);
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /** Resolves when every rebuild started here has ended (shutdown, tests). */
  async settled(): Promise<void> {
    await Promise.all(this.running.values());
  }
}
