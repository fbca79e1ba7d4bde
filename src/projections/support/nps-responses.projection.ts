import type { RecordedEvent } from '../../core/messages';
import type { Projection } from '../../core/projection';
import type { NpsResponded } from '../../aggregates/ticket/nps-response.events';
import { occurredAt } from '../shared/event-instant';
import type { NpsResponseDocument } from './nps-response.document';
import { npsSums } from './satisfaction.sums';

export type { NpsResponseDocument } from './nps-response.document';

export const npsResponsesProjection: Projection<NpsResponseDocument> = {
  name: 'nps_responses',
  // 2: sums per UTC day and month (satisfaction.sums.ts).
  version: 2,
  handles: ['NpsResponded'],
  documentIds: (event) => [(event as RecordedEvent<NpsResponded>).data.responseId],
  evolve(response, event, id) {
    if (response) return response;
    const { clientId, score } = (event as RecordedEvent<NpsResponded>).data;
    return { _id: id, responseId: id, clientId, score, respondedAt: occurredAt(event) };
  },
  sums: npsSums,
  indexes: [{ name: 'nps_responses_responded_at', fields: ['respondedAt'] }],
};
