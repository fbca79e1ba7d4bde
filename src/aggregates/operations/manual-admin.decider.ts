import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureCalendarDate, ensureNonEmpty } from '../shared/rules';
import type { ManualAdminCommand, RecordManualAdmin } from './manual-admin.commands';
import type { ManualAdminEvent } from './manual-admin.events';

export type ManualAdminState = { status: 'none' } | { status: 'recorded'; minutes: number; performedOn: string };

/** One stream per entry: entries never change together, and a repeated entry finds its own stream. */
export const manualAdminStream = (entryId: string) => streamName('ManualAdmin', entryId);

export const manualAdminDecider: Decider<ManualAdminCommand, ManualAdminEvent, ManualAdminState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RecordManualAdmin':
        return record(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ManualAdminRecorded':
        return { status: 'recorded', minutes: event.data.minutes, performedOn: event.data.performedOn };
      default:
        return state;
    }
  },
};

function record({ data }: RecordManualAdmin, state: ManualAdminState): ManualAdminEvent[] {
  if (state.status === 'recorded') {
    const same = state.minutes === data.minutes && state.performedOn === data.performedOn;
    ensure(same, 'manual_admin.already_recorded', `Entry ${data.entryId} was already recorded as ${state.minutes} minutes on ${state.performedOn}`);
    return [];
  }
  ensureNonEmpty(data.entryId, 'entryId');
  ensureNonEmpty(data.description, 'description');
  ensure(Number.isFinite(data.minutes) && data.minutes > 0, 'manual_admin.invalid_minutes', `minutes must be > 0, got ${data.minutes}`);
  ensureCalendarDate(data.performedOn, 'performedOn');
  const { entryId, minutes, description, performedOn } = data;
  return [{ type: 'ManualAdminRecorded', data: { entryId, minutes, description, performedOn } }];
}
