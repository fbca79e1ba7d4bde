import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureNonEmpty } from '../shared/rules';
import type { NpsResponseCommand, RecordNpsResponse } from './nps-response.commands';
import type { NpsResponseEvent } from './nps-response.events';

export type NpsResponseState = { status: 'none' } | { status: 'recorded'; clientId: string; score: number };

export const npsResponseStream = (responseId: string) => streamName('NpsResponse', responseId);

export const npsResponseDecider: Decider<NpsResponseCommand, NpsResponseEvent, NpsResponseState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RecordNpsResponse':
        return record(command, state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'NpsResponded':
        return { status: 'recorded', clientId: event.data.clientId, score: event.data.score };
      default:
        return state;
    }
  },
};

function record({ data }: RecordNpsResponse, state: NpsResponseState): NpsResponseEvent[] {
  if (state.status === 'recorded') {
    const same = state.clientId === data.clientId && state.score === data.score;
    ensure(same, 'nps.already_recorded', `NPS response ${data.responseId} was already recorded with score ${state.score}`, { score: state.score });
    return [];
  }
  ensureNonEmpty(data.responseId, 'responseId');
  ensureNonEmpty(data.clientId, 'clientId');
  ensure(Number.isInteger(data.score) && data.score >= 0 && data.score <= 10, 'nps.out_of_range', `An NPS score is a whole number from 0 to 10, got ${data.score}`);
  const { responseId, clientId, score } = data;
  return [{ type: 'NpsResponded', data: { responseId, clientId, score, comment: data.comment ?? null } }];
}
