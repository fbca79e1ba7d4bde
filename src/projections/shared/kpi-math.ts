/** A ratio whose denominator is zero is null — never 0, never NaN (kpis.md). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Percentile by linear interpolation between closest ranks, the "inclusive" method
 * (numpy's default, Excel's PERCENTILE.INC). `p` in [0, 1]; null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  return percentiles(values, [p])[0]!;
}

/** Several percentiles of the same values, sorted once (a typed array sorts numbers natively). */
export function percentiles(values: readonly number[], ps: readonly number[]): Array<number | null> {
  if (values.length === 0) return ps.map(() => null);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const rank = p * (sorted.length - 1);
    const lower = Math.floor(rank);
    const upper = Math.ceil(rank);
    return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
  });
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Groups values by a key and sums a measure per key. */
export function sumBy<T>(items: readonly T[], key: (item: T) => string, measure: (item: T) => number): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    totals[k] = (totals[k] ?? 0) + measure(item);
  }
  return totals;
}
