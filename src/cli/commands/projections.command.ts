import { hostname } from 'node:os';
import { openLeaseStore } from '../../app-stores';
import type { AppConfig } from '../../config';
import { randomId } from '../../core/ids';
import { LeaseKeeper } from '../../core/lease-keeper';
import type { LeaseGrant } from '../../core/lease.port';
import type { Projection } from '../../core/projection';
import { rebuildProjection } from '../../core/projection-rebuild';
import { requestRebuild } from '../../core/projection-rebuild-requests';
import { projectionLeaseName } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { systemClock } from '../../core/time';
import { eventDataProblem } from '../../events/event-validation';
import { allProjections, keptProjections } from '../../projections';
import { type CliIo, type CommandInput, exitCodes, UsageError } from '../cli-command';
import { withStores } from '../cli-context';
import { jsonLine, table } from '../cli-table';
import { ProgressBar } from '../progress-bar';
import { projectionStatuses, type ProjectionStatusRow } from '../projection-status.query';

type LagAndFailure = Pick<ProjectionStatusRow, 'eventsBehind' | 'eventsBehindCapped' | 'secondsBehind' | 'failure'>;

export function lagText(row: LagAndFailure): string {
  if (row.eventsBehind === 0) return '0';
  return `${row.eventsBehindCapped ? '≥' : ''}${row.eventsBehind.toLocaleString('en-AU')} events, ${row.secondsBehind} s`;
}

export const failureText = (row: LagAndFailure) => (row.failure ? `at ${row.failure.eventType} ${row.failure.eventId}: ${row.failure.error}` : '');

export async function listProjections({ options }: CommandInput, io: CliIo): Promise<number> {
  const rows = await withStores(io, ({ config, eventStore, readStore }) => projectionStatuses(keptProjections(config.workflows), eventStore, readStore));
  if (options.json) {
    io.stdout.write(jsonLine(rows));
    return exitCodes.ok;
  }
  const header = ['PROJECTION', 'VERSION', 'STATUS', 'POSITION', 'LAG', 'FAILURE'];
  io.stdout.write(table(header, rows.map((row) => [row.name, String(row.version), row.state, row.position?.toString() ?? '—', lagText(row), failureText(row)])));
  return exitCodes.ok;
}

/**
 * Replays the log into a shadow collection and swaps it in, like the runner does; SIGINT stops
 * it before the swap, leaving the live read model as it was. When another process holds the
 * projection's lease (a fleet's worker), the rebuild is handed to it instead: never two writers.
 * Otherwise the command holds that lease itself while it rebuilds, so no worker writes meanwhile.
 */
export async function rebuildProjectionCommand({ args }: CommandInput, io: CliIo): Promise<number> {
  const projection = allProjections.find((candidate) => candidate.name === args[0]);
  if (!projection) throw new UsageError(`no projection named "${args[0]}"; there are: ${allProjections.map((candidate) => candidate.name).join(', ')}`, 'projections rebuild');
  let interrupted = false;
  const interrupt = () => void (interrupted = true);
  process.once('SIGINT', interrupt);
  const bar = new ProgressBar(io.stderr, `rebuild ${projection.name}`, 'events');
  const startedAt = Date.now();
  let eventsDone = 0;
  try {
    const outcome = await withStores(io, ({ config, eventStore, readStore }) =>
      underLease(config, projection.name, async (lease) => {
        if (lease.kind === 'held_elsewhere') {
          await requestRebuild(readStore, projection.name, new Date());
          return lease;
        }
        const fence = lease.grant.token;
        let swapped = false;
        await rebuildProjection({
          projection,
          eventStore,
          readStore,
          batchSize: 2_000,
          clock: systemClock,
          isStopped: () => interrupted || !lease.holds(),
          onProgress: (progress) => {
            eventsDone = progress.eventsDone;
            bar.update({ done: progress.eventsDone, fraction: progress.fraction, perSecond: progress.eventsPerSecond, etaSeconds: progress.etaSeconds });
          },
          swap: async (swapIn) => {
            await claimCheckpoint(readStore, projection, fence);
            await swapIn();
            swapped = true;
          },
          malformed: (event) => eventDataProblem(event.type, event.data),
          fence,
        });
        return swapped || lease.holds() ? lease : ({ kind: 'lost' } as const);
      }),
    );
    if (outcome.kind === 'held_elsewhere') {
      io.stderr.write(`rebuild ${projection.name} handed to ${outcome.holder}, which runs it: follow it with \`zixly projections list\`\n`);
      return exitCodes.ok;
    }
    if (outcome.kind === 'lost' && !interrupted) {
      bar.finish(`rebuild ${projection.name} stopped after ${eventsDone.toLocaleString('en-AU')} events: the projection's lease was lost; the live read model is unchanged`);
      return exitCodes.failure;
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (interrupted) {
    bar.finish(`rebuild ${projection.name} interrupted after ${eventsDone.toLocaleString('en-AU')} events: the live read model is unchanged`);
    return exitCodes.failure;
  }
  bar.finish(`rebuilt ${projection.name} from ${eventsDone.toLocaleString('en-AU')} events in ${seconds} s`);
  return exitCodes.ok;
}

type Lease = { kind: 'held_elsewhere'; holder: string } | { kind: 'held_here'; grant: LeaseGrant; holds: () => boolean };

/** Runs `work` holding the projection's lease, or tells it who holds it; releases it after. */
async function underLease<T>(config: AppConfig, name: string, work: (lease: Lease) => Promise<T>): Promise<T> {
  const store = await openLeaseStore(config);
  const leaseName = projectionLeaseName(name);
  const keeper = new LeaseKeeper({ store, holder: `${hostname()}:${process.pid}:cli-${randomId().slice(-8)}`, names: [leaseName], ttlMs: config.fleet.leaseTtlMs });
  try {
    await keeper.start();
    const grant = keeper.held(leaseName);
    if (grant) return await work({ kind: 'held_here', grant, holds: () => keeper.held(leaseName)?.token === grant.token });
    const holder = (await store.list()).find((candidate) => candidate.name === leaseName)?.holder ?? 'another process';
    return await work({ kind: 'held_elsewhere', holder });
  } finally {
    await keeper.stop();
    await store.close();
  }
}

/** Saves the live checkpoint under `fence`: throws FencedError if a newer holder has claimed it. */
async function claimCheckpoint(readStore: ReadStore, projection: Projection, fence: number): Promise<void> {
  const live = await readStore.checkpoint(projection.name);
  const base = live ?? { projection: projection.name, version: projection.version, collection: projection.name, position: null, failure: null };
  await readStore.saveCheckpoint({ ...base, updatedAt: new Date().toISOString(), fence });
}
