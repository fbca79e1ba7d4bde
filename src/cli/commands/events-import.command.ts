import { fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type CliIo, type CommandInput, exitCodes } from '../cli-command';
import { withEventStore } from '../cli-context';
import { importExportedEvents, type ImportReport } from '../event-import.service';
import { measure, ProgressBar } from '../progress-bar';

/** The size of stdin when it is a file (`< file.ndjson`), so the bar can show a share and an ETA. */
function sizeOfInput(io: CliIo): number | null {
  if (io.stdin !== process.stdin) return null;
  try {
    const stat = fstatSync(0);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/** The lines of the input, counting their bytes for the progress bar. */
async function* linesOf(io: CliIo, bytes: { read: number }): AsyncGenerator<string> {
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    bytes.read += Buffer.byteLength(line) + 1;
    yield line;
  }
}

const count = (value: number) => value.toLocaleString('en-AU');

/** The summary line, then one line per refused line of the file. */
function reportText(report: ImportReport): string {
  const refused = report.refused.map((refusal) => `  line ${refusal.line}${refusal.stream ? ` (${refusal.stream})` : ''}: ${refusal.reason}\n`).join('');
  const counts = `read ${count(report.read)} events: ${count(report.appended)} appended, ${count(report.alreadyStored)} already stored, ${count(report.refused.length)} refused`;
  if (!report.appendedAny) return `${counts}; nothing was imported because lines were refused (fix them, or pass --skip-refused to import the rest):\n${refused}`;
  const stopped = report.stoppedAt ? `import stopped at line ${report.stoppedAt.line}: ${report.stoppedAt.reason} The events appended before it stay.\n` : '';
  return `${counts}\n${refused}${stopped}`;
}

/**
 * `zixly events import`: checks every line first (a known event type, data of its shape, no
 * platform stream unless asked), then appends. Exit code 1 when anything was refused or stopped.
 */
export async function importEvents({ options }: CommandInput, io: CliIo): Promise<number> {
  const size = sizeOfInput(io);
  const bytes = { read: 0 };
  const bar = new ProgressBar(io.stderr, 'import', 'events');
  const startedAt = Date.now();
  const permissions = { platform: options.platform === true, apiKeys: options['api-keys'] === true, skipRefused: options['skip-refused'] === true };
  const report = await withEventStore(
    io,
    ({ eventStore }) => importExportedEvents(linesOf(io, bytes), eventStore, permissions, ({ read }) => bar.update(measure(startedAt, read, size ? bytes.read / size : null))),
    { bulkLoad: true },
  );
  const text = reportText(report);
  bar.finish(text.trimEnd());
  return report.refused.length > 0 || report.stoppedAt !== null ? exitCodes.failure : exitCodes.ok;
}
