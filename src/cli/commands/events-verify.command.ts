import { describeDamage } from '../../core/event-damage';
import { type CliIo, type CommandInput, exitCodes, UsageError } from '../cli-command';
import { withEventStore } from '../cli-context';
import { jsonLine } from '../cli-table';
import { ProgressBar } from '../progress-bar';

/**
 * Walks the whole log checking every event (its checksum; its JSON when it was stored before
 * checksums existed) and names each damaged one. Exit code 1 when anything is damaged.
 */
export async function verifyEvents({ options }: CommandInput, io: CliIo): Promise<number> {
  const bar = new ProgressBar(io.stderr, 'verify', 'events');
  const startedAt = Date.now();
  const report = await withEventStore(io, async ({ eventStore, adapter }) => {
    if (!eventStore.checkIntegrity) throw new UsageError(`${adapter} cannot be verified from here: its events are checked as they are read`, 'events verify');
    return eventStore.checkIntegrity((checked) => bar.update({ done: checked, fraction: null, perSecond: Math.round(checked / Math.max((Date.now() - startedAt) / 1000, 0.001)), etaSeconds: null }));
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const legacy = report.withoutChecksum > 0 ? ` (${report.withoutChecksum.toLocaleString('en-AU')} stored before checksums: JSON checked only)` : '';
  bar.finish(`checked ${report.checked.toLocaleString('en-AU')} events in ${seconds} s${legacy}: ${report.damaged.length === 0 ? 'none damaged' : `${report.damaged.length} damaged`}`);
  if (options.json) io.stdout.write(jsonLine(report));
  else for (const damage of report.damaged) io.stdout.write(`damaged: ${describeDamage(damage)}\n`);
  return report.damaged.length === 0 ? exitCodes.ok : exitCodes.failure;
}
