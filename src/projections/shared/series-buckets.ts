import { addDays } from '../../core/business-time';
import { ValidationError } from '../../core/errors';

export type SeriesBucket = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER';

export interface SeriesSlot {
  /** Business dates [from, to). */
  readonly from: string;
  readonly to: string;
}

export const maxSeriesPoints = 400;

function nextBoundary(date: string, bucket: SeriesBucket): string {
  if (bucket === 'DAY') return addDays(date, 1);
  if (bucket === 'WEEK') {
    // Weeks start on Monday (ISO 8601).
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    return addDays(date, 7 - weekday);
  }
  const [year, month] = date.split('-').map(Number) as [number, number];
  const months = bucket === 'MONTH' ? 1 : 3 - ((month - 1) % 3);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Business dates [fromDate, toDate) cut at calendar boundaries (Monday weeks, months, quarters);
 * the first and last slots are clipped to the range. Refused past `maxSeriesPoints` slots.
 */
export function seriesSlots(fromDate: string, toDate: string, bucket: SeriesBucket): SeriesSlot[] {
  const slots: SeriesSlot[] = [];
  for (let from = fromDate; from < toDate; ) {
    const boundary = nextBoundary(from, bucket);
    const to = boundary < toDate ? boundary : toDate;
    slots.push({ from, to });
    if (slots.length > maxSeriesPoints) {
      throw new ValidationError('series.too_many_points', `A series has at most ${maxSeriesPoints} points; use a larger bucket or a shorter range`, { field: 'bucket' });
    }
    from = to;
  }
  return slots;
}
