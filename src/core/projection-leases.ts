import { FencedError } from './errors';
import type { ProcessorLeases } from './lease-keeper';
import type { ProjectionLoop } from './projection-loop';
import { projectionLeaseName } from './projection-runner.types';
import type { ProjectionCheckpoint } from './read-store.port';

/** What claiming a projection needs of its runner. */
export interface ClaimHost {
  /** Drops the shadow of `name` a rebuild left behind, unless a rebuild of it runs here. */
  dropLeftShadow(name: string): Promise<void>;
  /** Retries a recorded failure and rebuilds on a new version, as at a start. */
  resumeFromCheckpoint(loop: ProjectionLoop, checkpoint: ProjectionCheckpoint | null): Promise<void>;
}

/**
 * The runner's side of the leases (README "Scaling out"): a projection runs here only while this
 * process holds `projection:<name>`, and its writes carry the lease's fencing token. Without
 * leases (`null`) every projection runs here, unfenced.
 */
export class ProjectionLeases {
  constructor(
    private readonly leases: ProcessorLeases | null,
    private readonly host: ClaimHost,
  ) {}

  get enabled(): boolean {
    return this.leases !== null;
  }

  /** Whether this process runs the loop's projection now. */
  runsHere(loop: ProjectionLoop): boolean {
    return !this.leases || loop.fence !== undefined;
  }

  /** Resolves at the next change of a lease held here. */
  changed(): Promise<void> {
    return this.leases ? this.leases.changed() : new Promise<void>(() => undefined);
  }

  /** Without leases, always. With them: claims the projection when this process has just gained its lease. */
  async hold(loop: ProjectionLoop): Promise<boolean> {
    if (!this.leases) return true;
    const grant = this.leases.held(projectionLeaseName(loop.projection.name));
    if (!grant) {
      loop.fence = undefined;
      return false;
    }
    if (loop.fence === grant.token) return true;
    try {
      const checkpoint = await loop.claim(grant.token);
      // A rebuild the previous holder left unfinished never swaps in now (fenced): its shadow goes.
      await this.host.dropLeftShadow(loop.projection.name);
      await this.host.resumeFromCheckpoint(loop, checkpoint);
      return true;
    } catch (error) {
      if (error instanceof FencedError) return false;
      throw error;
    }
  }

  stillHeld(loop: ProjectionLoop): boolean {
    return !this.leases || this.leases.held(projectionLeaseName(loop.projection.name))?.token === loop.fence;
  }

  holdsToken(name: string, token: number): boolean {
    return this.leases?.held(projectionLeaseName(name))?.token === token;
  }
}
