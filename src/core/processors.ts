import type { EventStore } from './event-store.port';
import type { ProcessorLeases } from './lease-keeper';
import { runWhileLeased, type Stoppable } from './leased-processor';
import { lagAfter, type ProcessorLag, type ProcessorStatus } from './processor';
import type { ProjectionRunner } from './projection-runner';
import type { Reactor, ReactorNotice } from './reactor';
import { ReactorLoop, type ReactorLoopDeps } from './reactor-loop';
import type { ReadStore } from './read-store.port';
import type { Clock } from './time';

/** Reactors that run together, under one lease when several processes share the stores. */
export interface ReactorGroup {
  /** The lease it runs under (see README "Scaling out"); null: it runs in every process (an in-memory index, counters). */
  readonly lease: string | null;
  readonly reactors: readonly Reactor[];
  /** Starts one loop per reactor, and whatever goes with them (the workflows' timers); default: just the loops. */
  start?(deps: ReactorLoopDeps): Promise<RunningGroup>;
}

export interface RunningGroup {
  readonly loops: readonly ReactorLoop[];
  stop(): Promise<void>;
}

/** One loop per reactor, started in order and stopped in reverse. */
export async function runReactors(reactors: readonly Reactor[], deps: ReactorLoopDeps): Promise<RunningGroup> {
  const loops: ReactorLoop[] = [];
  const stop = async () => {
    for (const loop of [...loops].reverse()) await loop.stop();
  };
  try {
    for (const reactor of reactors) {
      const loop = new ReactorLoop(reactor, deps);
      await loop.start();
      loops.push(loop);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { loops, stop };
}

export interface ProcessorsOptions {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly clock: Clock;
  readonly projections: ProjectionRunner;
  /** Null in the single-process mode: every group runs here. */
  readonly leases: ProcessorLeases | null;
  readonly onNotice?: (notice: ReactorNotice) => void;
  /** A leased group that failed to start or stop (it is tried again at the next lease change). */
  readonly onLeaseError?: (error: unknown) => void;
}

interface Entry {
  readonly group: ReactorGroup;
  running: RunningGroup | null;
  handle: Stoppable | null;
}

/**
 * Everything that follows the log, in one list: the projections (through their runner) and the
 * reactor groups. Status and lag of every processor come from here; a group that runs in another
 * process is described from the checkpoints it writes.
 */
export class Processors {
  private readonly entries: Entry[] = [];

  constructor(private readonly options: ProcessorsOptions) {}

  /** The runner of the projections (start and stop it apart: the reactors stop before it). */
  get runner(): ProjectionRunner {
    return this.options.projections;
  }

  /** Starts a group: at once when it needs no lease, otherwise whenever this process holds its lease. */
  async run(group: ReactorGroup): Promise<void> {
    const entry: Entry = { group, running: null, handle: null };
    this.entries.push(entry);
    const deps: ReactorLoopDeps = { eventStore: this.options.eventStore, readStore: this.options.readStore, clock: this.options.clock, ...(this.options.onNotice && { onNotice: this.options.onNotice }) };
    const start = async (): Promise<Stoppable> => {
      const running = await (group.start ? group.start(deps) : runReactors(group.reactors, deps));
      entry.running = running;
      return {
        stop: async () => {
          entry.running = null;
          await running.stop();
        },
      };
    };
    if (group.lease === null || this.options.leases === null) entry.handle = await start();
    else entry.handle = runWhileLeased(this.options.leases, group.lease, start, this.options.onLeaseError ?? (() => undefined));
  }

  /** Stops the groups in reverse order of start; the projections are the runner's to stop. */
  async stop(): Promise<void> {
    for (const entry of this.entries.splice(0).reverse()) await entry.handle?.stop();
  }

  /** The loop of a running reactor, by name. */
  loop(name: string): ReactorLoop | undefined {
    return this.entries.flatMap((entry) => entry.running?.loops ?? []).find((loop) => loop.reactor.name === name);
  }

  async status(): Promise<ProcessorStatus[]> {
    const projections = this.options.projections.status().map(
      (status): ProcessorStatus => ({
        name: status.name,
        kind: 'projection',
        handles: this.options.projections.handlesOf(status.name),
        position: status.position,
        state: status.state,
        failure: status.failure,
        runsHere: this.options.projections.runsHere(status.name),
        skipped: status.skipped.length,
        rebuildable: true,
      }),
    );
    const reactors: ProcessorStatus[] = [];
    for (const entry of this.entries) {
      for (const reactor of entry.group.reactors) {
        const loop = entry.running?.loops.find((candidate) => candidate.reactor === reactor);
        reactors.push(loop ? loop.status() : await this.storedStatus(reactor));
      }
    }
    return [...projections, ...reactors];
  }

  async lag(): Promise<ProcessorLag[]> {
    const statuses = (await this.status()).filter((status) => status.kind === 'reactor');
    const reactors = this.entries.flatMap((entry) => entry.group.reactors);
    const lags = await Promise.all(
      statuses.map((status) => lagAfter(this.options.eventStore, status.name, reactors.find((reactor) => reactor.name === status.name)!, status.position, this.options.clock)),
    );
    return [...(await this.options.projections.lag()), ...lags];
  }

  /** A reactor that does not run here: as far as its checkpoint says (nothing, for one held in memory). */
  private async storedStatus(reactor: Reactor): Promise<ProcessorStatus> {
    const checkpoint = reactor.checkpointKey === null ? null : await this.options.readStore.checkpoint(reactor.checkpointKey);
    return { name: reactor.name, kind: 'reactor', handles: reactor.types, position: checkpoint?.position ?? null, state: 'stopped', failure: null, runsHere: false, skipped: 0, rebuildable: false };
  }
}
