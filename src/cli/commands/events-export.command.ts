import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EventStore } from '../../core/event-store.port';
import { describeDamage } from '../../core/event-damage';
import { isAppError } from '../../core/errors';
import { parseInstant } from '../../core/time';
import { type EventCriteria, matchesCriteria, storeFilterOf } from '../../schema/events/event-criteria';
import { toEventJson } from '../../schema/events/event.type';
import { type CliIo, type CommandInput, exitCodes, type OptionValues, UsageError } from '../cli-command';
import { withEventStore } from '../cli-context';

function criteriaOf(options: OptionValues): EventCriteria {
  const list = (name: string) => options[name] as readonly string[] | undefined;
  const instant = (name: 'from' | 'to') => {
    const value = options[name] as string | undefined;
    try {
      return value === undefined ? undefined : parseInstant(value, `--${name}`);
    } catch (error) {
      if (isAppError(error)) throw new UsageError(error.message, 'events export');
      throw error;
    }
  };
  return {
    types: list('types'),
    categories: list('categories'),
    streams: list('streams'),
    from: instant('from'),
    to: instant('to'),
    correlationId: (options['correlation-id'] as string | undefined) ?? undefined,
  };
}

/** Resolves once the stream takes more, or is gone (a closed pipe must not hang the export). */
async function writable(output: Writable): Promise<void> {
  const abort = new AbortController();
  await Promise.race([once(output, 'drain', { signal: abort.signal }), once(output, 'close', { signal: abort.signal }), once(output, 'error', { signal: abort.signal })]).catch(() => undefined);
  abort.abort();
}

/** Streams the log in position order, one line per event: memory stays flat on any log size. */
export async function writeEvents(store: EventStore, criteria: EventCriteria, output: Writable): Promise<number> {
  let written = 0;
  let closed = false;
  const onError = () => void (closed = true);
  output.on('error', onError);
  try {
    for await (const event of store.readAll(storeFilterOf(criteria))) {
      if (closed || output.destroyed) break;
      if (!matchesCriteria(event, criteria)) continue;
      written++;
      if (!output.write(`${toEventJson(event, 'backup')}\n`)) await writable(output);
    }
    if (!closed) await new Promise<void>((resolve) => output.write('', () => resolve()));
  } finally {
    output.removeListener('error', onError);
  }
  return written;
}

/**
 * Exports what can be read. A damaged event is not written: the export goes on past it and ends
 * with a report naming each one skipped, and exit code 1, so a backup script knows it is incomplete.
 */
export async function exportEvents({ options }: CommandInput, io: CliIo): Promise<number> {
  const criteria = criteriaOf(options);
  const { written, skipped } = await withEventStore(io, async ({ eventStore }) => {
    const count = await writeEvents(eventStore, criteria, io.stdout);
    return { written: count, skipped: eventStore.damage?.list() ?? [] };
  });
  io.stderr.write(`exported ${written.toLocaleString('en-AU')} events\n`);
  if (skipped.length === 0) return exitCodes.ok;
  io.stderr.write(`skipped ${skipped.length} damaged event${skipped.length === 1 ? '' : 's'} (run zixly events verify):\n${skipped.map((damage) => `  ${describeDamage(damage)}\n`).join('')}`);
  return exitCodes.failure;
}
