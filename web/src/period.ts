/** A KPI period as the API takes it: business-time-zone dates, `to` exclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface PeriodChoice {
  readonly id: string;
  readonly label: string;
  readonly period: (today: string) => Period;
}

/** Today's date (YYYY-MM-DD) in the business time zone, whatever the browser's zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar arithmetic on YYYY-MM-DD, done in UTC so no zone shifts it. */
export function addMonths(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

export const periodChoices: readonly PeriodChoice[] = [
  { id: 'last-12-months', label: 'Last 12 months', period: (t) => ({ from: addMonths(monthStart(t), -11), to: addMonths(monthStart(t), 1) }) },
  { id: 'this-month', label: 'This month', period: (t) => ({ from: monthStart(t), to: addMonths(monthStart(t), 1) }) },
  { id: 'last-month', label: 'Last month', period: (t) => ({ from: addMonths(monthStart(t), -1), to: monthStart(t) }) },
  {
    id: 'this-quarter',
    label: 'This quarter',
    period: (t) => {
      const month = Number(t.slice(5, 7));
      const from = `${t.slice(0, 4)}-${pad(month - ((month - 1) % 3))}-01`;
      return { from, to: addMonths(from, 3) };
    },
  },
  { id: 'this-year', label: 'This year', period: (t) => ({ from: `${t.slice(0, 4)}-01-01`, to: `${Number(t.slice(0, 4)) + 1}-01-01` }) },
  { id: 'last-year', label: 'Last year', period: (t) => ({ from: `${Number(t.slice(0, 4)) - 1}-01-01`, to: `${t.slice(0, 4)}-01-01` }) },
];

/** The months a trend chart shows for a period (at most the last 24), each a period of its own. */
export function monthsOf(period: Period): Period[] {
  const months: Period[] = [];
  for (let from = monthStart(period.from); from < period.to; from = addMonths(from, 1)) months.push({ from, to: addMonths(from, 1) });
  return months.slice(-24);
}

/**
 * The instant a business-time-zone midnight falls on (for filters that take instants): the zone's
 * offset at that moment, read from Intl, applied to the wall-clock time.
 */
export function midnightIn(date: string, timeZone: string): string {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(new Date(instant))
        .map((part) => [part.type, part.value]),
    );
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`) - instant;
  };
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess)).toISOString();
}
