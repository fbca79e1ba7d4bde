import { fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type CliIo, type CommandInput, exitCodes } from '../cli-command';
import { withEventStore } from '../cli-context';
import { appendExportedEvents, ImportConflictError } from '../event-import.service';
import { ImportLineError } from '../exported-event.parser';
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

export async function importEvents(_input: CommandInput, io: CliIo): Promise<number> {
  const size = sizeOfInput(io);
  const bytes = { read: 0 };
  const bar = new ProgressBar(io.stderr, 'import', 'events');
  const startedAt = Date.now();
  let sofar = { appended: 0, alreadyStored: 0 };
  try {
    const counts = await withEventStore(io, ({ eventStore }) =>
      appendExportedEvents(linesOf(io, bytes), eventStore, (progress) => {
        sofar = progress;
        bar.update(measure(startedAt, progress.read, size ? bytes.read / size : null));
      }),
      { bulkLoad: true },
    );
    bar.finish(`read ${counts.read.toLocaleString('en-AU')} events: ${counts.appended.toLocaleString('en-AU')} appended, ${counts.alreadyStored.toLocaleString('en-AU')} already stored`);
    return exitCodes.ok;
  } catch (error) {
    if (!(error instanceof ImportLineError || error instanceof ImportConflictError)) throw error;
    // What was appended before stays stored (a run again recognises it): say how much.
    bar.finish(`import stopped: ${error.message} — ${sofar.appended.toLocaleString('en-AU')} events were appended before it stopped (${sofar.alreadyStored.toLocaleString('en-AU')} already stored); importing the corrected file again stores the rest.`);
    return exitCodes.failure;
  }
}
