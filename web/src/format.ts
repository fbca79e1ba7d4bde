const number = new Intl.NumberFormat('en-AU', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-AU', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD', maximumFractionDigits: 0 });

export const formatNumber = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : number.format(value));
export const formatWhole = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : whole.format(value));
/** Money is integer cents in the API. */
export const formatCents = (cents: number | null | undefined): string => (cents === null || cents === undefined ? '—' : money.format(cents / 100));
/** Ratios are fractions in the API; null when their denominator is zero. */
export const formatPercent = (fraction: number | null | undefined): string => (fraction === null || fraction === undefined ? '—' : `${number.format(fraction * 100)} %`);
export const formatDateTime = (iso: string | null | undefined, timeZone: string): string =>
  iso ? new Intl.DateTimeFormat('en-AU', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
