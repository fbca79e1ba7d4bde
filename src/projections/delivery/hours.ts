/**
 * Hours are decimals with at most two places (see `hours.rules`): sums are taken in whole
 * hundredths so 0.1 + 0.2 gives 0.3, and money in hundredths of a cent, rounded once at the end.
 */
export const hundredthsOf = (hours: number): number => Math.round(hours * 100);

interface Hours {
  readonly hours: number;
}

export function sumHours(entries: readonly Hours[]): number {
  return entries.reduce((total, entry) => total + hundredthsOf(entry.hours), 0) / 100;
}

/** Hours summed per key (project, consultant…), exactly. */
export function hoursBy<T extends Hours>(entries: readonly T[], key: (entry: T) => string): Record<string, number> {
  const hundredths: Record<string, number> = {};
  for (const entry of entries) hundredths[key(entry)] = (hundredths[key(entry)] ?? 0) + hundredthsOf(entry.hours);
  return Object.fromEntries(Object.entries(hundredths).map(([k, total]) => [k, total / 100]));
}

/** Σ hours × hourly cost rate, in whole cents (rounded half up once, over the total). */
export function costCentsOf(entries: readonly (Hours & { readonly costRateCents: number })[]): number {
  return Math.round(entries.reduce((total, entry) => total + hundredthsOf(entry.hours) * entry.costRateCents, 0) / 100);
}

/** Σ hours × hourly bill rate, in whole cents (rounded half up once, over the total). */
export function billedValueCentsOf(entries: readonly (Hours & { readonly billRateCents: number })[]): number {
  return Math.round(entries.reduce((total, entry) => total + hundredthsOf(entry.hours) * entry.billRateCents, 0) / 100);
}
