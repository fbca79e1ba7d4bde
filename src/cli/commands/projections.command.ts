import { rebuildProjection } from '../../core/projection-rebuild';
import { systemClock } from '../../core/time';
import { eventDataProblem } from '../../events/event-validation';
import { allProjections } from '../../projections';
import { type CliIo, type CommandInput, exitCodes, UsageError } from '../cli-command';
import { withStores } from '../cli-context';
import { jsonLine, table } from '../cli-table';
import { ProgressBar } from '../progress-bar';
import { projectionStatuses, type ProjectionStatusRow } from '../projection-status.query';

function lagText(row: ProjectionStatusRow): string {
  if (row.eventsBehind === 0) return '0';
  return `${row.eventsBehindCapped ? '≥' : ''}${row.eventsBehind.toLocaleString('en-AU')} events, ${row.secondsBehind} s`;
}

const failureText = (row: ProjectionStatusRow) => (row.failure ? `at ${row.failure.eventType} ${row.failure.eventId}: ${row.failure.error}` : '');

export async function listProjections({ options }: CommandInput, io: CliIo): Promise<number> {
  const rows = await withStores(io, ({ eventStore, readStore }) => projectionStatuses(allProjections, eventStore, readStore));
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
 * it before the swap, leaving the live read model as it was.
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
    await withStores(io, ({ eventStore, readStore }) =>
      rebuildProjection({
        projection,
        eventStore,
        readStore,
        batchSize: 2_000,
        clock: systemClock,
        isStopped: () => interrupted,
        onProgress: (progress) => {
          eventsDone = progress.eventsDone;
          bar.update({ done: progress.eventsDone, fraction: progress.fraction, perSecond: progress.eventsPerSecond, etaSeconds: progress.etaSeconds });
        },
        swap: (swapIn) => swapIn(),
        malformed: (event) => eventDataProblem(event.type, event.data),
      }),
    );
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
