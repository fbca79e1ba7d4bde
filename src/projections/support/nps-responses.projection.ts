import type { RecordedEvent } from '../../core/messages';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { NpsResponded } from '../../aggregates/ticket/nps-response.events';
import { occurredAt } from '../shared/event-instant';

/** One NPS answer (0–10). */
export interface NpsResponseDocument extends ReadDocument {
  readonly responseId: string;
  readonly clientId: string;
  readonly score: number;
  readonly respondedAt: string;
}

export const npsResponsesProjection: Projection<NpsResponseDocument> = {
  name: 'nps_responses',
  version: 1,
  handles: ['NpsResponded'],
  documentIds: (event) => [(event as RecordedEvent<NpsResponded>).data.responseId],
  evolve(response, event, id) {
    if (response) return response;
    const { clientId, score } = (event as RecordedEvent<NpsResponded>).data;
    return { _id: id, responseId: id, clientId, score, respondedAt: occurredAt(event) };
  },
  indexes: [{ name: 'nps_responses_responded_at', fields: ['respondedAt'] }],
};
