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
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    console.error(`No suite named ${unknown.join(', ')}; the suites are: ${suites.map((suite) => suite.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const machine = machineDescription();
  console.log(`Zixly Ops benchmarks on ${machine}`);
  const results: BenchResult[] = [];
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    console.log(`\n▶ ${suite.name}`);
    results.push(...(await suite.run()));
  }
  console.log('');
  printTable(results);
  const { kept } = mergeResults('bench-results.json', results, { machine, measuredAt: new Date().toISOString() });
  console.log(`\nwritten to bench-results.json${kept > 0 ? ` (${kept} figures of other suites kept)` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
