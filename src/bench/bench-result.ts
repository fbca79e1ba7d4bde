/** One line of `bench-results.json`: a figure, and the baseline measured in the same run. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  /** value ÷ baseline (for rates: higher is better); null without a baseline. */
  readonly ratio: number | null;
  readonly target?: string;
}

export function benchResult(name: string, value: number, unit: string, baseline: number | null, target?: string): BenchResult {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? Math.round((value / baseline) * 1000) / 1000 : null,
    ...(target ? { target } : {}),
  };
}

export function printTable(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, r.baseline === null ? '—' : `${r.baseline} ${r.unit}`, r.ratio ?? '—', r.target ?? '']);
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: readonly unknown[]) => cells.map((cell, i) => String(cell).padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
