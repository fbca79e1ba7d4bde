import { cpus, totalmem } from 'node:os';
import { type BenchResult, printTable, writeResults } from './bench-result';
import { benchEventStore } from './event-store.bench';
import { benchProjections } from './projections.bench';

/** Each suite measures its figures and the baseline it is compared with, in the same run. */
const suites: ReadonlyArray<{ name: string; run: () => Promise<BenchResult[]> }> = [
  { name: 'event-store', run: benchEventStore },
  { name: 'projections', run: benchProjections },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`Zixly Ops benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const results: BenchResult[] = [];
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    console.log(`\n▶ ${suite.name}`);
    results.push(...(await suite.run()));
  }
  console.log('');
  printTable(results);
  writeResults('bench-results.json', results);
  console.log('\nwritten to bench-results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
