import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ConsultantFact, CorrectTimeEntry, LogHours, ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectEvent, TimeEntryFacts } from './project.events';

const spec = deciderSpec(projectDecider);
const occurredAt = '2026-03-10T06:00:00.000Z';

const started: ProjectEvent = {
  type: 'ProjectStarted',
  data: { projectId: 'p-1', clientId: 'c-1', tier: 'STARTER', name: 'Audit', budgetHours: 40, budgetAmountCents: 600_000, currency: 'AUD', startedOn: '2026-03-02', dueOn: '2026-03-31' },
};
const completed: ProjectEvent = { type: 'ProjectCompleted', data: { projectId: 'p-1', completedOn: '2026-03-20' } };
const cancelled: ProjectEvent = { type: 'ProjectCancelled', data: { projectId: 'p-1', reason: 'paused' } };
const ada: ConsultantFact = { consultantId: 'k-1', active: true, costRateCents: 6_000, billRateCents: 15_000, currency: 'AUD' };

const log = (overrides: Partial<LogHours['data']> = {}): ProjectCommand => ({
  type: 'LogHours',
  occurredAt,
  data: { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-09', hours: 2.5, billable: true, description: 'Discovery workshop', consultant: ada, ...overrides },
});
const facts: TimeEntryFacts = {
  entryId: 'e-1',
  projectId: 'p-1',
  clientId: 'c-1',
  consultantId: 'k-1',
  workDate: '2026-03-09',
  hours: 2.5,
  billable: true,
  billRateCents: 15_000,
  costRateCents: 6_000,
  currency: 'AUD',
};
const logged: ProjectEvent = { type: 'HoursLogged', data: { ...facts, description: 'Discovery workshop' } };
const correct = (overrides: Partial<CorrectTimeEntry['data']> = {}): ProjectCommand => ({
  type: 'CorrectTimeEntry',
  occurredAt,
  data: { projectId: 'p-1', entryId: 'e-1', workDate: '2026-03-09', hours: 2.5, billable: true, ...overrides },
});
const deleteEntry = (entryId = 'e-1'): ProjectCommand => ({ type: 'DeleteTimeEntry', occurredAt, data: { projectId: 'p-1', entryId } });
const deleted: ProjectEvent = { type: 'TimeEntryDeleted', data: facts };

describe('project decider: time entries', () => {
  it('logs hours with the consultant’s rates and the project’s client', () => spec.given([started]).when(log()).then([logged]));

  it('logs hours at a project bill rate instead of the consultant’s default', () =>
    spec.given([started]).when(log({ billRateCents: 12_000 })).then([{ type: 'HoursLogged', data: { ...facts, billRateCents: 12_000, description: 'Discovery workshop' } }]));

  it('treats the same entry id twice as a no-op, even after the project closed', () =>
    spec.given([started, logged, completed]).when(log()).thenNothingHappens());

  it('refuses an entry id reused with other hours, naming correctTimeEntry', () =>
    spec.given([started, logged]).when(log({ hours: 7 })).thenRejects('time_entry.exists_with_other_facts'));

  it('treats the original LogHours retried after a correction as a no-op', () =>
    spec.given([started, logged, { type: 'TimeEntryCorrected', data: { ...facts, hours: 4, description: 'Discovery workshop', previous: { workDate: '2026-03-09', hours: 2.5, billable: true } } }]).when(log()).thenNothingHappens());

  it('refuses a third 20-hour entry for one consultant on one work date', () =>
    spec
      .given([started, { type: 'HoursLogged', data: { ...facts, entryId: 'e-a', hours: 20, description: '' } }])
      .when(log({ entryId: 'e-b', hours: 20 }))
      .thenRejects('time_entry.day_over_24_hours'));

  it('counts a deleted entry out of the day total', () =>
    spec
      .given([started, { type: 'HoursLogged', data: { ...facts, entryId: 'e-a', hours: 20, description: '' } }, { type: 'TimeEntryDeleted', data: { ...facts, entryId: 'e-a', hours: 20 } }])
      .when(log({ entryId: 'e-b', hours: 20, description: '' }))
      .then([{ type: 'HoursLogged', data: { ...facts, entryId: 'e-b', hours: 20, description: '' } }]));

  it('refuses a correction that takes the day past 24 hours', () =>
    spec
      .given([started, logged, { type: 'HoursLogged', data: { ...facts, entryId: 'e-a', hours: 20, description: '' } }])
      .when(correct({ hours: 5 }))
      .thenRejects('time_entry.day_over_24_hours'));

  it('refuses hours dated before the project started', () => spec.given([started]).when(log({ workDate: '2026-03-01' })).thenRejects('time_entry.before_project_start'));

  it('refuses hours dated after the day they are reported on (year 9999)', () =>
    spec.given([started]).when(log({ workDate: '9999-01-01' })).thenRejects('time_entry.work_date_in_future'));

  it('refuses a calendar date that does not exist (2026-02-31)', () => spec.given([started]).when(log({ workDate: '2026-02-31' })).thenRejects('input.invalid_date'));

  it('treats logging a deleted entry id again as a no-op', () => spec.given([started, logged, deleted]).when(log()).thenNothingHappens());

  it('rejects hours on a project that was never started', () => spec.given([]).when(log()).thenRejects('project.not_active'));

  it('rejects hours on a completed project', () => spec.given([started, completed]).when(log()).thenRejects('project.not_active'));

  it('rejects hours on a cancelled project', () => spec.given([started, cancelled]).when(log()).thenRejects('project.not_active'));

  it('rejects hours that are not above 0 and at most 24 in hundredths', () => {
    for (const hours of [0, -1, 24.01, 1.005]) spec.given([started]).when(log({ hours })).thenRejects('time_entry.invalid_hours');
  });

  it('accepts a 24-hour entry', () => spec.given([started]).when(log({ hours: 24 })).then([{ type: 'HoursLogged', data: { ...facts, hours: 24, description: 'Discovery workshop' } }]));

  it('rejects a work date that is not a calendar date', () => spec.given([started]).when(log({ workDate: '09/03/2026' })).thenRejects('input.invalid_date'));

  it('rejects hours by a deactivated consultant', () =>
    spec.given([started]).when(log({ consultant: { ...ada, active: false } })).thenRejects('consultant.inactive'));

  it('rejects hours by a consultant who was never registered', () => spec.given([started]).when(log({ consultant: null })).thenRejects('consultant.unknown'));

  it('rejects hours whose consultant fact was not filled in or is about someone else', () => {
    spec.given([started]).when(log({ consultant: undefined })).thenRejects('consultant.unknown');
    spec.given([started]).when(log({ consultant: { ...ada, consultantId: 'k-2' } })).thenRejects('consultant.unknown');
  });

  it('rejects hours by a consultant whose rates are in another currency', () =>
    spec.given([started]).when(log({ consultant: { ...ada, currency: 'NZD' } })).thenRejects('time_entry.currency_mismatch'));

  it('rejects a negative project bill rate', () => spec.given([started]).when(log({ billRateCents: -1 })).thenRejects('time_entry.invalid_rate'));

  it('corrects an entry and carries the values it replaces', () =>
    spec.given([started, logged]).when(correct({ hours: 3, billable: false, workDate: '2026-03-10' })).then([
      {
        type: 'TimeEntryCorrected',
        data: {
          ...facts,
          workDate: '2026-03-10',
          hours: 3,
          billable: false,
          description: 'Discovery workshop',
          previous: { workDate: '2026-03-09', hours: 2.5, billable: true },
        },
      },
    ]));

  it('corrects only the description', () =>
    spec.given([started, logged]).when(correct({ description: 'Workshop' })).then([
      { type: 'TimeEntryCorrected', data: { ...facts, description: 'Workshop', previous: { workDate: '2026-03-09', hours: 2.5, billable: true } } },
    ]));

  it('treats a correction with identical values as a no-op', () => spec.given([started, logged]).when(correct()).thenNothingHappens());

  it('rejects correcting an unknown entry', () => spec.given([started]).when(correct()).thenRejects('time_entry.unknown'));

  it('rejects correcting a deleted entry', () => spec.given([started, logged, deleted]).when(correct({ hours: 3 })).thenRejects('time_entry.deleted'));

  it('rejects correcting to invalid hours', () => spec.given([started, logged]).when(correct({ hours: 25 })).thenRejects('time_entry.invalid_hours'));

  it('rejects correcting hours on a completed project', () =>
    spec.given([started, logged, completed]).when(correct({ hours: 3 })).thenRejects('project.not_active'));

  it('deletes an entry and carries the values it removes', () => spec.given([started, logged]).when(deleteEntry()).then([deleted]));

  it('deletes an entry as last corrected', () =>
    spec
      .given([started, logged, { type: 'TimeEntryCorrected', data: { ...facts, hours: 4, description: 'x', previous: { workDate: '2026-03-09', hours: 2.5, billable: true } } }])
      .when(deleteEntry())
      .then([{ type: 'TimeEntryDeleted', data: { ...facts, hours: 4 } }]));

  it('rejects deleting an unknown entry', () => spec.given([started, logged]).when(deleteEntry('e-9')).thenRejects('time_entry.unknown'));

  it('rejects deleting a deleted entry', () => spec.given([started, logged, deleted]).when(deleteEntry()).thenRejects('time_entry.deleted'));

  it('rejects deleting hours on a cancelled project', () => spec.given([started, logged, cancelled]).when(deleteEntry()).thenRejects('project.not_active'));
});
