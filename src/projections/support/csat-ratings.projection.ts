import type { RecordedEvent } from '../../core/messages';
import type { Projection } from '../../core/projection';
import type { CsatRated } from '../../aggregates/ticket/ticket.events';
import { occurredAt } from '../shared/event-instant';
import type { CsatRatingDocument } from './csat-rating.document';
import { csatSums } from './satisfaction.sums';

export type { CsatRatingDocument } from './csat-rating.document';

export const csatRatingsProjection: Projection<CsatRatingDocument> = {
  name: 'csat_ratings',
  // 2: sums per UTC day and month (satisfaction.sums.ts).
  version: 2,
  handles: ['CsatRated'],
  // Rating ids are unique within a ticket only.
  documentIds: (event) => {
    const { ticketId, ratingId } = (event as RecordedEvent<CsatRated>).data;
    return [`${ticketId}:${ratingId}`];
  },
  evolve(rating, event, id) {
    if (rating) return rating;
    const { ticketId, clientId, ratingId, score } = (event as RecordedEvent<CsatRated>).data;
    return { _id: id, ratingId, ticketId, clientId, score, ratedAt: occurredAt(event) };
  },
  sums: csatSums,
  indexes: [{ name: 'csat_ratings_rated_at', fields: ['ratedAt'] }],
};
