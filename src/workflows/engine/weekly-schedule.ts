import { addDays, businessDate, startOfBusinessDate } from '../../core/business-time';
import { ValidationError } from '../../core/errors';
import { weekdayNames } from './business-hours';

/** Once a week at a local time, e.g. Mondays 08:00 in Australia/Brisbane. */
export interface WeeklySchedule {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Minutes after local midnight. */
  readonly minute: number;
  readonly timeZone: string;
}

const schedulePattern = /^([A-Z]{3})\s+(\d{2}):(\d{2})$/;

/** `"MON 08:00"`. */
export function parseWeeklySchedule(text: string, timeZone: string): WeeklySchedule {
  const match = schedulePattern.exec(text.trim().toUpperCase());
  const weekday = match ? weekdayNames.indexOf(match[1] as (typeof weekdayNames)[number]) : -1;
  const minute = match ? Number(match[2]) * 60 + Number(match[3]) : NaN;
  if (weekday < 0 || !(minute >= 0 && minute < 24 * 60)) {
    throw new ValidationError('workflow.invalid_schedule', `A weekly schedule looks like MON 08:00, got "${text}"`);
  }
  return { weekday, minute, timeZone };
}

/** Longest stretch looked at: a worker down for longer only catches up on the last year. */
const maxLookbackDays = 366;

/** Occurrences in (`after`, `upTo`], oldest first. */
export function occurrencesBetween(schedule: WeeklySchedule, after: Date, upTo: Date): Date[] {
  const earliest = Math.max(after.getTime(), upTo.getTime() - maxLookbackDays * 86_400_000);
  const lastDate = businessDate(upTo, schedule.timeZone);
  const occurrences: Date[] = [];
  for (let date = businessDate(new Date(earliest), schedule.timeZone); date <= lastDate; date = addDays(date, 1)) {
    if (new Date(`${date}T00:00:00Z`).getUTCDay() !== schedule.weekday) continue;
    const at = new Date(startOfBusinessDate(date, schedule.timeZone).getTime() + schedule.minute * 60_000);
    if (at.getTime() > after.getTime() && at.getTime() <= upTo.getTime()) occurrences.push(at);
  }
  return occurrences;
}

/** The seven business dates before the occurrence's date: the week a weekly report covers. */
export function previousWeek(occurrence: Date, timeZone: string): { from: string; to: string } {
  const to = businessDate(occurrence, timeZone);
  return { from: addDays(to, -7), to };
}
