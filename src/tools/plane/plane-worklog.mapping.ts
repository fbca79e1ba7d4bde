import type { TranslatedCommand } from '../../ingest/delivery';
import { hoursFromMinutes } from '../shared/mapping/amounts.mapping';
import { businessDateOf, fromIsoInstant } from '../shared/mapping/instants.mapping';
import type { Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';

/** Plane ids are UUIDs; the prefix marks them as Plane's. A Zixly project fed by Plane has id `plane:<project uuid>`. */
export const planeId = (id: string) => `plane:${id}`;

/**
 * A worklog (paid editions' API; `duration` in minutes) is a billable time entry on the business
 * date it was logged (worklogs carry no work date), then corrected to its current values — a no-op
 * unless it was edited. Plane has no billable flag. Deleted worklogs are not listed by the API, so
 * deletions are not detected.
 */
export function worklogCommands(worklog: Fields, projectId: string): TranslatedCommand[] | string {
  if (worklog.has('deleted_at')) return 'plane worklog: deleted';
  const minutes = worklog.number('duration');
  if (hoursFromMinutes(minutes) <= 0) return 'plane worklog: no time';
  const id = worklog.string('id');
  const loggedAt = fromIsoInstant(worklog.string('created_at'), worklog.at('created_at'));
  const facts = {
    projectId: planeId(projectId),
    entryId: planeId(id),
    workDate: businessDateOf(loggedAt),
    hours: hoursFromMinutes(minutes),
    billable: true,
    description: worklog.optionalString('description') ?? '',
  };
  const consultantId = planeId(worklog.optionalString('logged_by') ?? worklog.optionalString('logged_by_id') ?? worklog.string('created_by'));
  const correctedAt = fromIsoInstant(worklog.optionalString('updated_at') ?? worklog.string('created_at'), worklog.at('updated_at'));
  return [
    translated({ type: 'LogHours', data: { ...facts, consultantId }, occurredAt: loggedAt }, 'plane', `worklog:${id}`),
    translated({ type: 'CorrectTimeEntry', data: facts, occurredAt: correctedAt }, 'plane', `worklog:${id}`),
  ];
}
