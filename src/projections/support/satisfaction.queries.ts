import type { Period } from '../../core/business-time';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { instantsIn } from '../shared/period-filter';
import type { CsatRatingDocument } from './csat-ratings.projection';
import type { NpsResponseDocument } from './nps-responses.projection';

export interface Csat {
  /** Satisfied ÷ ratings, a fraction; null without ratings. */
  readonly rate: number | null;
  readonly satisfied: number;
  readonly ratings: number;
}

export interface Nps {
  /** % promoters − % detractors, −100…100; null without responses. */
  readonly score: number | null;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly responses: number;
}

/** A CSAT rating of 4 or 5 is satisfied. */
export const isSatisfied = (score: number): boolean => score >= 4;

/** An NPS answer of 9–10 is a promoter's, of 0–6 a detractor's, the rest a passive's. */
export const npsCategoryOf = (score: number): 'promoter' | 'passive' | 'detractor' => (score >= 9 ? 'promoter' : score <= 6 ? 'detractor' : 'passive');

/** csat: ratings of 4 or 5 ÷ all ratings given in the period (every rating counts, several per ticket included). */
export async function csat(context: KpiContext, period: Period): Promise<KpiResult<Csat>> {
  const filter = { ratedAt: instantsIn(periodOf(context, period)) };
  const { documents } = await context.reads.find<CsatRatingDocument>('csat_ratings', { filter });
  const satisfied = documents.filter((rating) => isSatisfied(rating.score)).length;
  return kpiResult(context, ['csat_ratings'], documents, { rate: ratio(satisfied, documents.length), satisfied, ratings: documents.length });
}

/** nps: % of responses 9–10 minus % of responses 0–6, over responses given in the period. */
export async function nps(context: KpiContext, period: Period): Promise<KpiResult<Nps>> {
  const filter = { respondedAt: instantsIn(periodOf(context, period)) };
  const { documents } = await context.reads.find<NpsResponseDocument>('nps_responses', { filter });
  const promoters = documents.filter((response) => npsCategoryOf(response.score) === 'promoter').length;
  const detractors = documents.filter((response) => npsCategoryOf(response.score) === 'detractor').length;
  const net = ratio(promoters - detractors, documents.length);
  return kpiResult(context, ['nps_responses'], documents, {
    score: net === null ? null : net * 100,
    promoters,
    passives: documents.length - promoters - detractors,
    detractors,
    responses: documents.length,
  });
}
