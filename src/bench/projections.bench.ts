import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { addMonths, dateOf } from '../demo/business-calendar';
import type { HistoryOptions } from '../demo/generate-history';
import { allProjections } from '../projections';
import { type BenchResult, benchResult } from './bench-result';
import { type FillReport, fillEventStore } from './projections-fill.bench';
import type { Measurement } from './projections-measure.child';

/** Scale 13.5 of the five-consultant firm over two years is about a million events. */
const benchHistory: HistoryOptions = { seed: 2024, consultants: 5, years: 2, startDate: '2024-07-01', scale: Number(process.env.BENCH_PROJECTIONS_SCALE ?? 13.5) };
/** The five-consultant firm itself, a little busier: its first 100,000 events. */
const asOfHistory: HistoryOptions = { ...benchHistory, scale: 1.1 };
const asOfEvents = 100_000;

/**
 * Rebuilding every read model from a million generated events, against the same fold in plain
 * memory; and one dashboard as of now over 100,000 events. Each measurement runs in a child
 * process of its own, so its peak RSS is its own and not the generator's. `BENCH_CPU_PROF=1`
 * writes a CPU profile of each child into the temp directory, which is then kept.
 */
export async function benchProjections(): Promise<BenchResult[]> {
  const directory = mkdtempSync(join(tmpdir(), 'zixly-bench-projections-'));
  const profile = process.env.BENCH_CPU_PROF === '1';
  const file = (name: string) => join(directory, name);
  try {
    console.log(`  generating, deciding and appending a history at scale ${benchHistory.scale} into ${file('events.sqlite')}`);
    const fill = await fillEventStore(file('events.sqlite'), benchHistory);
    printFill(fill);
    console.log(`  the as-of store: the first ${asOfEvents.toLocaleString('en')} events of the firm at scale ${asOfHistory.scale}`);
    const asOfFill = await fillEventStore(file('as-of.sqlite'), asOfHistory, asOfEvents);
    const month = lastFullMonth(asOfFill.lastOccurredAt);
    const measure = (mode: string, ...args: string[]) => measureInChild(mode, args, profile ? directory : null);
    console.log('  baseline: every event through every projection, documents in Maps');
    const baseline = await measure('baseline', file('events.sqlite'));
    console.log(`  rebuild: ${allProjections.length} projections through the ProjectionRunner into ${file('reads.sqlite')}`);
    const rebuild = await measure('rebuild', file('events.sqlite'), file('reads.sqlite'), String(fill.events));
    console.log(`  as-of: the financial dashboard for ${month.from} to ${month.to}, as of now`);
    const asOf = await measure('as-of', file('as-of.sqlite'), month.from, month.to);
    const asOfAll = await measure('as-of-all', file('as-of.sqlite'), month.from, month.to);
    return results(fill, baseline, rebuild, asOf, asOfAll);
  } finally {
    if (profile) console.log(`  CPU profiles kept in ${directory}`);
    else rmSync(directory, { recursive: true, force: true });
  }
}

function results(fill: FillReport, baseline: Measurement, rebuild: Measurement, asOf: Measurement, asOfAll: Measurement): BenchResult[] {
  const rate = (measurement: Measurement) => measurement.events / measurement.seconds;
  const cpuRate = (measurement: Measurement) => measurement.events / measurement.cpuSeconds;
  const events = `${(fill.events / 1e6).toFixed(2)}M`;
  return [
    benchResult(`projections: append ${events} generated events, ~10,000 per group commit`, fill.events / fill.appendSeconds, 'events/s', null),
    benchResult(`projections: rebuild of all ${allProjections.length} read models from ${events} events, vs the in-memory fold`, rate(rebuild), 'events/s', rate(baseline), '>= 100,000 events/s'),
    benchResult('projections: the same rebuild per CPU-second of its process (other load on the machine left out)', cpuRate(rebuild), 'events/s', cpuRate(baseline)),
    benchResult('projections: peak RSS of the rebuild, vs the process before it', rebuild.peakRssMb, 'MB', rebuild.startRssMb, '<= 300 MB'),
    benchResult(`projections: as-of financial dashboard over ${asOf.events.toLocaleString('en')} events, vs the live dashboard`, asOf.seconds, 's', Number(asOf.detail.liveSeconds), '< 2 s'),
    benchResult('projections: as-of, replaying every read model, same dashboard', asOfAll.seconds, 's', Number(asOfAll.detail.liveSeconds)),
  ];
}

function measureInChild(mode: string, args: readonly string[], profileDirectory: string | null): Promise<Measurement> {
  const profiling = profileDirectory === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`, `--cpu-prof-name=${mode}.cpuprofile`];
  const child = fork(join(__dirname, `projections-measure.child${extname(__filename)}`), [mode, ...args], {
    execArgv: [...process.execArgv, ...profiling],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let measurement: Measurement | null = null;
    child.on('message', (message) => (measurement = message as Measurement));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (measurement === null) return reject(new Error(`The ${mode} measurement exited with code ${code} without a result`));
      const { seconds, cpuSeconds, events, peakRssMb } = measurement;
      const rate = (per: number) => Math.round(events / per).toLocaleString('en');
      console.log(`    ${mode}: ${events.toLocaleString('en')} events in ${seconds.toFixed(2)} s (${rate(seconds)} events/s; ${cpuSeconds.toFixed(2)} s of CPU, ${rate(cpuSeconds)} events/CPU-s), peak rss ${peakRssMb} MB`);
      resolve(measurement);
    });
  });
}

function printFill(fill: FillReport): void {
  const share = (count: number) => `${((count / fill.events) * 100).toFixed(1)}%`;
  console.log(
    `  ${fill.events.toLocaleString('en')} events from ${fill.commands.toLocaleString('en')} commands in ${fill.seconds.toFixed(1)} s` +
      ` (${fill.appendSeconds.toFixed(1)} s in commits), ${fill.firstOccurredAt.slice(0, 10)} to ${fill.lastOccurredAt.slice(0, 10)}; event mix:`,
  );
  const rows = [...fill.eventTypes].sort((a, b) => b[1] - a[1]).map(([type, count]) => `${type} ${count.toLocaleString('en')} (${share(count)})`);
  for (let index = 0; index < rows.length; index += 3) console.log(`    ${rows.slice(index, index + 3).map((row) => row.padEnd(44)).join('')}`);
}

/** The calendar month before the one the history ends in, as a KPI period. */
function lastFullMonth(lastOccurredAt: string): { from: string; to: string } {
  const to = `${dateOf(Date.parse(lastOccurredAt)).slice(0, 7)}-01`;
  return { from: addMonths(to, -1), to };
}
