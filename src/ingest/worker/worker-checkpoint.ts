import type { ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';

/**
 * The worker's position, kept with the read store's checkpoints under its own name (it has no
 * collection). `undefined` from `load` means never saved: start from the beginning.
 */
export class WorkerCheckpoint {
  private saved: bigint | null | undefined;

  constructor(
    private readonly reads: ReadStore,
    private readonly name: string,
    private readonly clock: Clock,
  ) {}

  async load(): Promise<bigint | null | undefined> {
    const checkpoint = await this.reads.checkpoint(this.name);
    this.saved = checkpoint === null ? undefined : checkpoint.position;
    return this.saved;
  }

  /** Writes only when the position moved. */
  async save(position: bigint | null): Promise<void> {
    if (position === this.saved) return;
    await this.reads.saveCheckpoint({ projection: this.name, version: 1, collection: '', position, failure: null, updatedAt: this.clock().toISOString() });
    this.saved = position;
  }
}
