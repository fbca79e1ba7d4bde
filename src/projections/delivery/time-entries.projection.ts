import type { RecordedEvent } from '../../core/messages';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { HoursLogged, TimeEntryCorrected, TimeEntryDeleted, TimeEntryFacts } from '../../aggregates/project/project.events';
import { occurredAt } from '../shared/event-instant';
import { domainEventOf } from './domain-event';
import { evolveTimeBucket, evolveTimeBucketBatch, isTimeBucketId, pushTimeBucketIds, type TimeBucketDocument } from './time-buckets.projection';

/**
 * One live time entry, as last corrected; a deleted entry has no document. Rates are hourly cents
 * of `currency`, fixed when the hours were logged. `loggedAt` is when the hours were logged, but
 * KPIs bucket hours by `workDate`.
 */
export interface TimeEntryDocument extends ReadDocument {
  readonly entryId: string;
  readonly projectId: string;
  readonly clientId: string;
  readonly consultantId: string;
  readonly workDate: string;
  readonly hours: number;
  readonly billable: boolean;
  readonly billRateCents: number;
  readonly costRateCents: number;
  readonly currency: string;
  readonly loggedAt: string;
  readonly correctedAt: string | null;
}

type TimeEntryEvent = HoursLogged | TimeEntryCorrected | TimeEntryDeleted;

/**
 * One document per live entry, and beside them the day and month buckets of the entries' hours
 * (`time-buckets.projection`), folded from the same events in the same pass.
 */
export const timeEntriesProjection: Projection<TimeEntryDocument | TimeBucketDocument> = {
  name: 'time_entries',
  // 2: the collection also holds the day and month buckets.
  version: 2,
  handles: ['HoursLogged', 'TimeEntryCorrected', 'TimeEntryDeleted'],
  documentIds: (event) => pushTimeBucketIds(event, [(event.data as TimeEntryFacts).entryId]),
  evolve(document, recorded, id) {
    if (isTimeBucketId(id)) return evolveTimeBucket(document as TimeBucketDocument | null, recorded, id);
    return evolveEntry(document as TimeEntryDocument | null, recorded, id);
  },
  // A bucket takes hundreds of a batch's events: folded once per batch, not copied per event.
  batchFold: {
    owns: isTimeBucketId,
    evolve: (document, events, id) => evolveTimeBucketBatch(document as TimeBucketDocument | null, events, id),
  },
  indexes: [
    { name: 'time_entries_work_date', fields: ['workDate'] },
    { name: 'time_entries_project_work_date', fields: ['projectId', 'workDate'] },
    { name: 'time_entries_consultant_work_date', fields: ['consultantId', 'workDate'] },
  ],
};

function evolveEntry(document: TimeEntryDocument | null, recorded: RecordedEvent, id: string): TimeEntryDocument | null {
  const event = domainEventOf<TimeEntryEvent>(recorded);
  const at = occurredAt(recorded);
  switch (event.type) {
    case 'HoursLogged':
      return document ?? entryOf(event.data, id, at, null);
    case 'TimeEntryCorrected':
      // The corrected event carries every fact of the entry, so it stands on its own.
      return entryOf(event.data, id, document?.loggedAt ?? at, at);
    case 'TimeEntryDeleted':
      return null;
    default:
      return document;
  }
}

function entryOf(data: TimeEntryFacts, id: string, loggedAt: string, correctedAt: string | null): TimeEntryDocument {
  const { projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency } = data;
  return { _id: id, entryId: id, projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency, loggedAt, correctedAt };
}
