import { daysBetween } from '../../core/business-time';

/** The same day `months` later, clamped to the month's last day (31 January + 1 → 28 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * Length of [fromDate, toDate) in months: whole calendar months, then the rest as a fraction of
 * the month it falls in. A calendar month is exactly 1, a quarter 3, 1–16 March 15/31.
 */
export function monthsBetween(fromDate: string, toDate: string): number {
  let whole = 0;
  while (addMonths(fromDate, whole + 1) <= toDate) whole++;
  const anchor = addMonths(fromDate, whole);
  return whole + daysBetween(anchor, toDate) / daysBetween(anchor, addMonths(fromDate, whole + 1));
}
