import { describeReactors } from '../../app-processors';
import type { EventStore } from '../../core/event-store.port';
import { lagAfter } from '../../core/processor';
import type { Reactor } from '../../core/reactor';
import type { ProjectionFailure, ReadStore } from '../../core/read-store.port';
import { systemClock } from '../../core/time';
import type { Projection } from '../../core/projection';
import { keptProjections } from '../../projections';
import { type CliIo, type CommandInput, exitCodes } from '../cli-command';
import { withStores } from '../cli-context';
import { jsonLine, table } from '../cli-table';
import { projectionStatuses } from '../projection-status.query';
import { failureText, lagText } from './projections.command';

export interface ProcessorStatusRow {
  readonly name: string;
  readonly kind: 'projection' | 'reactor';
  /** A projection's states (see `zixly projections list`), or for a reactor: up to date, behind, not started, in memory. */
  readonly state: string;
  readonly position: bigint | null;
  readonly eventsBehind: number;
  readonly eventsBehindCapped: boolean;
  readonly secondsBehind: number;
  readonly failure: ProjectionFailure | null;
}

/** A reactor as its checkpoint says; one held in memory has none, and only the process running it knows how far it is. */
async function reactorStatus(reactor: Reactor, eventStore: EventStore, readStore: ReadStore): Promise<ProcessorStatusRow> {
  const none = { eventsBehind: 0, eventsBehindCapped: false, secondsBehind: 0, failure: null };
  if (reactor.checkpointKey === null) return { name: reactor.name, kind: 'reactor', state: 'in memory', position: null, ...none };
  const checkpoint = await readStore.checkpoint(reactor.checkpointKey);
  if (!checkpoint) return { name: reactor.name, kind: 'reactor', state: 'not started', position: null, ...none };
  const lag = await lagAfter(eventStore, reactor.name, reactor, checkpoint.position, systemClock);
  const { eventsBehind, eventsBehindCapped } = lag;
  return { name: reactor.name, kind: 'reactor', state: eventsBehind > 0 ? 'behind' : 'up to date', position: checkpoint.position, eventsBehind, eventsBehindCapped, secondsBehind: Math.round(lag.secondsBehind), failure: null };
}

/** Every processor — projections and reactors — as stored, so it also describes those another process runs. */
export async function processorStatuses(eventStore: EventStore, readStore: ReadStore, kept: readonly Projection[], reactors: readonly Reactor[]): Promise<ProcessorStatusRow[]> {
  const projections = (await projectionStatuses(kept, eventStore, readStore)).map(({ version: _, ...row }): ProcessorStatusRow => ({ ...row, kind: 'projection' }));
  const rows: ProcessorStatusRow[] = [...projections];
  for (const reactor of reactors) rows.push(await reactorStatus(reactor, eventStore, readStore));
  return rows;
}

export async function listProcessors({ options }: CommandInput, io: CliIo): Promise<number> {
  const rows = await withStores(io, ({ config, eventStore, readStore }) => processorStatuses(eventStore, readStore, keptProjections(config.workflows), describeReactors(config, eventStore, readStore)));
  if (options.json) {
    io.stdout.write(jsonLine(rows));
    return exitCodes.ok;
  }
  const header = ['PROCESSOR', 'KIND', 'STATUS', 'POSITION', 'LAG', 'FAILURE'];
  io.stdout.write(table(header, rows.map((row) => [row.name, row.kind, row.state, row.position?.toString() ?? '—', lagText(row), failureText(row)])));
  return exitCodes.ok;
}
