import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { HoursLogged, TimeEntryCorrected, TimeEntryDeleted, TimeEntryFacts } from '../../aggregates/project/project.events';
import { occurredAt } from '../shared/event-instant';
import { domainEventOf } from './domain-event';

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

export const timeEntriesProjection: Projection<TimeEntryDocument> = {
  name: 'time_entries',
  version: 1,
  handles: ['HoursLogged', 'TimeEntryCorrected', 'TimeEntryDeleted'],
  documentIds: (event) => [(event.data as TimeEntryFacts).entryId],
  evolve(document, recorded, id) {
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
  },
  indexes: [
    { name: 'time_entries_work_date', fields: ['workDate'] },
    { name: 'time_entries_project_work_date', fields: ['projectId', 'workDate'] },
    { name: 'time_entries_consultant_work_date', fields: ['consultantId', 'workDate'] },
  ],
};

function entryOf(data: TimeEntryFacts, id: string, loggedAt: string, correctedAt: string | null): TimeEntryDocument {
  const { projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency } = data;
  return { _id: id, entryId: id, projectId, clientId, consultantId, workDate, hours, billable, billRateCents, costRateCents, currency, loggedAt, correctedAt };
}
