import { commandRoutes, type BusinessCommand } from '../../aggregates';
import { createCommandBus } from '../../aggregates/command-bus';
import { isAppError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { generateHistory, type HistoryOptions } from '../../demo/generate-history';
import { type CliIo, type CommandInput, exitCodes, UsageError } from '../cli-command';
import { withEventStore } from '../cli-context';
import { measure, ProgressBar } from '../progress-bar';

const dayMs = 86_400_000;

/** The history ends about today unless a start date is given, so "last 30 days" KPIs show something. */
function historyOptionsOf(options: CommandInput['options'], today = new Date()): Required<HistoryOptions> {
  const years = Number(options.years ?? 2);
  const given = options['start-date'] as string | undefined;
  if (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new UsageError(`--start-date must be a date such as 2024-07-01, got "${given}"`, 'demo seed');
  const startDate = given ?? new Date(today.getTime() - Math.round(years * 365) * dayMs).toISOString().slice(0, 10);
  return { seed: Number(options.seed ?? 42), years, consultants: Number(options.consultants ?? 5), startDate, scale: Number(options.scale ?? 1) };
}

/** API keys may exist (the first start creates one); any other event means the store is not empty. */
async function holdsBusinessEvents(store: EventStore): Promise<boolean> {
  for await (const event of store.readAll()) if (!event.stream.startsWith('ApiKey-')) return true;
  return false;
}

/**
 * The history is recorded as it happened: each command's events get `recordedAt` = its
 * `occurredAt` (never later than now, never before the previous command's), so `asOf` on a past
 * instant shows what the business knew then. The embedded store only; EventStoreDB stamps its own
 * time. Live ingest and the API keep the system clock.
 */
function historyClock(): { clock: () => Date; advanceTo(occurredAt: string): void } {
  let recordedAt = 0;
  return {
    clock: () => new Date(recordedAt),
    advanceTo: (occurredAt) => {
      recordedAt = Math.min(Date.now(), Math.max(recordedAt, Date.parse(occurredAt)));
    },
  };
}

export async function seedDemo({ options }: CommandInput, io: CliIo): Promise<number> {
  const history = historyOptionsOf(options);
  const recording = historyClock();
  return withEventStore(io, async ({ eventStore }) => {
    if (await holdsBusinessEvents(eventStore)) {
      io.stderr.write('zixly demo seed: the event store already holds business events; seed an empty store (a fresh DATA_DIR, or new EventStoreDB and MongoDB databases).\n');
      return exitCodes.failure;
    }
    const bus = createCommandBus<BusinessCommand>(eventStore, commandRoutes);
    const label = `seed ${history.consultants} consultants × ${history.years} years from ${history.startDate}${history.scale === 1 ? '' : `, scale ${history.scale}`}`;
    const bar = new ProgressBar(io.stderr, label, 'commands');
    const [startsAt, span] = [Date.parse(`${history.startDate}T00:00:00Z`), Math.round(history.years * 365) * dayMs];
    const startedAt = Date.now();
    let done = 0;
    let events = 0;
    for (const command of generateHistory(history)) {
      try {
        recording.advanceTo(command.occurredAt);
        events += (await bus.execute(command, { actor: 'demo' })).events.length;
      } catch (error) {
        if (!isAppError(error)) throw error;
        bar.finish(`seed stopped at command ${done + 1} (${command.type} at ${command.occurredAt}): ${error.message}`);
        return exitCodes.failure;
      }
      done++;
      bar.update(measure(startedAt, done, (Date.parse(command.occurredAt) - startsAt) / span));
    }
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    bar.finish(`seeded ${done.toLocaleString('en-AU')} commands (${events.toLocaleString('en-AU')} events) in ${seconds} s; start \`zixly serve\` to build the read models`);
    return exitCodes.ok;
  }, { bulkLoad: true, recordingClock: recording.clock });
}
