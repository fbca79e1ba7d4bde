import { fork } from 'node:child_process';
import { once } from 'node:events';
import { benchFleet } from './fleet.bench';
import { type BenchResult, printTable } from './bench-result';
import { machineDescription, mergeResults } from './bench-results-file';
import { benchDashboards } from './dashboards.bench';
import { benchEventStore } from './event-store.bench';
import { benchGraphql } from './graphql.bench';
import { benchIngest } from './ingest.bench';
import { benchProjections } from './projections.bench';
import { benchWebapp } from './webapp.bench';

/** Each suite measures its figures and the baseline it is compared with, in the same run. */
const suites: ReadonlyArray<{ name: string; run: () => Promise<BenchResult[]> }> = [
  { name: 'event-store', run: benchEventStore },
  { name: 'projections', run: benchProjections },
  { name: 'graphql', run: benchGraphql },
  { name: 'ingest', run: benchIngest },
  { name: 'dashboards', run: benchDashboards },
  { name: 'webapp', run: benchWebapp },
  { name: 'fleet', run: benchFleet },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    console.error(`No suite named ${unknown.join(', ')}; the suites are: ${suites.map((suite) => suite.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  if (process.send && process.env.BENCH_SUITE_CHILD === '1') {
    // One suite in a process of its own: the parent prints and records its results.
    const [suite] = suites.filter((candidate) => candidate.name === only[0]);
    const results = await suite!.run();
    await new Promise((resolve) => process.send!(results, undefined, {}, resolve));
    process.disconnect();
    return;
  }
  const machine = machineDescription();
  console.log(`Zixly Ops benchmarks on ${machine}`);
  const results: BenchResult[] = [];
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    console.log(`\n▶ ${suite.name}`);
    results.push(...(await inOwnProcess(suite.name)));
  }
  console.log('');
  printTable(results);
  const { kept } = mergeResults('bench-results.json', results, { machine, measuredAt: new Date().toISOString() });
  console.log(`\nwritten to bench-results.json${kept > 0 ? ` (${kept} figures of other suites kept)` : ''}`);
}

/**
 * Runs one suite in a child process, so what one suite leaves in its process (the projections
 * suite's in-memory fold holds a million events; its heap stays large) does not slow the next
 * one's latencies: each suite measures a process as fresh as a deployed server's.
 */
async function inOwnProcess(name: string): Promise<BenchResult[]> {
  const child = fork(__filename, [name], { env: { ...process.env, BENCH_SUITE_CHILD: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let results: BenchResult[] | null = null;
  child.on('message', (message) => (results = message as BenchResult[]));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 || results === null) throw new Error(`The ${name} suite exited with code ${code}${results === null ? ' before sending its results' : ''}`);
  return results;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
