import type { DerivedSums } from '../../core/projection-sums';
import { instantContributions } from '../shared/instant-buckets';
import { eventsOf } from '../shared/kpi';
import type { CsatRatingDocument } from './csat-rating.document';
import type { NpsResponseDocument } from './nps-response.document';

/** A CSAT rating of 4 or 5 is satisfied. */
export const isSatisfied = (score: number): boolean => score >= 4;

/** An NPS answer of 9–10 is a promoter's, of 0–6 a detractor's, the rest a passive's. */
export const npsCategoryOf = (score: number): 'promoter' | 'passive' | 'detractor' => (score >= 9 ? 'promoter' : score <= 6 ? 'detractor' : 'passive');

/** Key of the events folded into the ratings or responses a sum counts: the KPIs' `eventCount`, as the scan path sums their `_events`. */
export const satisfactionEventsKey = '\u0000events';

/** A rating adds 1 to `ratings`, 1 to `satisfied` when it is, and its events, to the UTC day and month it was given. */
export const csatSums: DerivedSums<CsatRatingDocument> = {
  of: (rating) => instantContributions('rated', rating.ratedAt, [['ratings', 1], ['satisfied', isSatisfied(rating.score) ? 1 : 0], [satisfactionEventsKey, eventsOf(rating)]]),
};

/** A response adds 1 to its category and its events to the UTC day and month it was given. */
export const npsSums: DerivedSums<NpsResponseDocument> = {
  of: (response) => instantContributions('responded', response.respondedAt, [[npsCategoryOf(response.score), 1], [satisfactionEventsKey, eventsOf(response)]]),
};
