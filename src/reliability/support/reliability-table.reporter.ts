import type { Reporter, TestModule } from 'vitest/node';
import type { ReliabilityRow } from './reliability-row';
import { defaultReliabilityScale, reliabilitySeed } from './reliability-scale';

const columns: ReadonlyArray<readonly [string, (row: ReliabilityRow) => string]> = [
  ['scenario', (row) => row.scenario],
  ['scale', (row) => row.scale],
  ['requests sent', (row) => String(row.requestsSent)],
  ['acknowledged', (row) => String(row.acknowledged)],
  ['lost', (row) => String(row.lost)],
  ['duplicated', (row) => String(row.duplicated)],
  ['diverging documents', (row) => String(row.diverging)],
];

/** Prints the reliability table after the run, from the rows the scenarios recorded on their tests. */
export default class ReliabilityTableReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules.flatMap((module) => [...module.children.allTests()].flatMap((test) => test.meta().reliability ?? [])).sort((a, b) => a.scenario.localeCompare(b.scenario));
    if (rows.length === 0) return;
    const scale = process.env.RELIABILITY_SCALE ?? `${defaultReliabilityScale} (default)`;
    console.log(`\nReliability (RELIABILITY_SCALE=${scale}, RELIABILITY_SEED=${reliabilitySeed()})\n${formatTable(rows)}\n`);
  }
}

export function formatTable(rows: readonly ReliabilityRow[]): string {
  const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], index) => Math.max(title.length, ...cells.map((line) => line[index]!.length)));
  const line = (values: readonly string[]) => `| ${values.map((value, index) => (index < 2 ? value.padEnd(widths[index]!) : value.padStart(widths[index]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (index < 2 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  return [line(columns.map(([title]) => title)), rule, ...cells.map(line)].join('\n');
}
