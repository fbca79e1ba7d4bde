import type { ReadDocument } from '../../core/read-store.port';

/** One CSAT rating (1–5); a ticket may collect several. */
export interface CsatRatingDocument extends ReadDocument {
  readonly ratingId: string;
  readonly ticketId: string;
  readonly clientId: string;
  readonly score: number;
  readonly ratedAt: string;
}
