import type { ResolvedPeriod } from '../../core/business-time';
import { findEvery } from '../shared/documents';
import type { KpiContext } from '../shared/kpi';
import { datesIn } from '../shared/period-filter';
import { hundredthsOf } from './hours';
import { timeBucketsCollection } from './time-buckets.projection';
import { clientDayRowsIn, type TimeBucketRow, timeBucketsBefore, timeBucketsIn } from './time-buckets.reads';
import type { TimeEntryDocument } from './time-entries.projection';

/**
 * Hours of one or more live time entries sharing a project, consultant, client and billable flag
 * over one date (an entry, or a day bucket) or one month (a month bucket). KPIs over time entries
 * read these, whichever path produced them, so the bucket path and the scan path share every formula.
 */
export interface HoursFact {
  readonly projectId: string;
  readonly consultantId: string;
  readonly clientId: string;
  readonly billable: boolean;
  readonly hours: number;
  /** Σ hundredths of an hour × cost rate: the exact cost in hundredths of a cent. */
  readonly costUnits: number;
  /** Σ of each entry's cost rounded to whole cents. */
  readonly costCents: number;
  /** The work date, or the first date of a month bucket. */
  readonly date: string;
  /** `month` when the fact spans a calendar month of work dates. */
  readonly grain: 'day' | 'month';
  /**
   * Events behind the fact, for the KPI's event count: an entry's events on the scan path; on the
   * bucket path the live entries summed (their latest fact each — a bucket cannot know how many
   * corrections an entry that moved into it had before).
   */
  readonly _events: number;
}

export interface TimeFacts {
  readonly facts: HoursFact[];
  /** The read model they came from, for the KPI's position. */
  readonly readModel: string;
}

const fromEntry = (entry: TimeEntryDocument): HoursFact => {
  const costUnits = hundredthsOf(entry.hours) * entry.costRateCents;
  const { projectId, consultantId, clientId, billable, hours, workDate: date } = entry;
  return { projectId, consultantId, clientId, billable, hours, costUnits, costCents: Math.round(costUnits / 100), date, grain: 'day', _events: typeof entry._events === 'number' ? entry._events : 1 };
};

const fromRow = (row: TimeBucketRow): HoursFact => {
  const { projectId, consultantId, clientId, billable, costUnits, costCents, start: date, grain } = row;
  return { projectId, consultantId, clientId, billable, hours: row.hundredths / 100, costUnits, costCents, date, grain, _events: row.entries };
};

const onlyBillable = (billableOnly: boolean) => (fact: HoursFact) => !billableOnly || fact.billable;

/** Hours with a work date in the period, after corrections and deletions. */
export async function timeFactsIn(context: KpiContext, period: ResolvedPeriod, options: { billableOnly?: boolean } = {}): Promise<TimeFacts> {
  const billableOnly = options.billableOnly ?? false;
  if (context.path === 'scan') {
    const entries = await findEvery<TimeEntryDocument>(context.reads, 'time_entries', { ...(billableOnly ? { billable: true } : {}), workDate: datesIn(period) });
    return { facts: entries.map(fromEntry), readModel: 'time_entries' };
  }
  const { rows } = await timeBucketsIn(context, period.fromDate, period.toDate);
  return { facts: rows.map(fromRow).filter(onlyBillable(billableOnly)), readModel: timeBucketsCollection };
}

/** Hours of one client with a work date in [fromDate, toDate), from day buckets only: each fact keeps its date. */
export async function dailyTimeFactsOf(context: KpiContext, clientId: string, fromDate: string, toDate: string): Promise<TimeFacts> {
  const rows = await clientDayRowsIn(context, clientId, fromDate, toDate);
  return { facts: rows.map(fromRow), readModel: timeBucketsCollection };
}

/** Hours on the given projects with a work date before `toDate`, whenever logged. */
export async function timeFactsBefore(context: KpiContext, toDate: string, projectIds: readonly string[]): Promise<TimeFacts> {
  if (context.path === 'scan') {
    const entries = projectIds.length === 0 ? [] : await findEvery<TimeEntryDocument>(context.reads, 'time_entries', { projectId: { $in: [...projectIds] }, workDate: { $lt: toDate } });
    return { facts: entries.map(fromEntry), readModel: 'time_entries' };
  }
  const wanted = new Set(projectIds);
  const { rows } = projectIds.length === 0 ? { rows: [] } : await timeBucketsBefore(context, toDate, wanted);
  return { facts: rows.map(fromRow), readModel: timeBucketsCollection };
}
