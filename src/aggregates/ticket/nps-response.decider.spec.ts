import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { NpsResponseCommand } from './nps-response.commands';
import { npsResponseDecider } from './nps-response.decider';
import type { NpsResponseEvent } from './nps-response.events';

const spec = deciderSpec(npsResponseDecider);

const respond = (score: number, comment?: string): NpsResponseCommand => ({
  type: 'RecordNpsResponse',
  occurredAt: '2026-03-02T00:00:00.000Z',
  data: { responseId: 'n-1', clientId: 'c-1', score, ...(comment === undefined ? {} : { comment }) },
});
const responded = (score: number, comment: string | null = null): NpsResponseEvent => ({
  type: 'NpsResponded',
  data: { responseId: 'n-1', clientId: 'c-1', score, comment },
});

describe('NPS response decider', () => {
  it('records an NPS response with its comment', () => spec.given([]).when(respond(9, 'Great team')).then([responded(9, 'Great team')]));

  it('accepts both ends of the scale', () => {
    spec.given([]).when(respond(0)).then([responded(0)]);
    spec.given([]).when(respond(10)).then([responded(10)]);
  });

  it('rejects a score outside 0 to 10', () => {
    for (const score of [-1, 11, 7.5]) spec.given([]).when(respond(score)).thenRejects('nps.out_of_range');
  });

  it('treats the same response id twice as a no-op', () => spec.given([responded(9)]).when(respond(9)).thenNothingHappens());

  it('rejects the same response id with another score', () => spec.given([responded(9)]).when(respond(3)).thenRejects('nps.already_recorded'));
});
