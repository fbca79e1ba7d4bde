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

/** csat: ratings of 4 or 5 ÷ all ratings given in the period (every rating counts, several per ticket included). */
export async function csat(context: KpiContext, period: Period): Promise<KpiResult<Csat>> {
  const filter = { ratedAt: instantsIn(periodOf(context, period)) };
  const { documents } = await context.reads.find<CsatRatingDocument>('csat_ratings', { filter });
  const satisfied = documents.filter((rating) => rating.score >= 4).length;
  return kpiResult(context, ['csat_ratings'], documents, { rate: ratio(satisfied, documents.length), satisfied, ratings: documents.length });
}

/** nps: % of responses 9–10 minus % of responses 0–6, over responses given in the period. */
export async function nps(context: KpiContext, period: Period): Promise<KpiResult<Nps>> {
  const filter = { respondedAt: instantsIn(periodOf(context, period)) };
  const { documents } = await context.reads.find<NpsResponseDocument>('nps_responses', { filter });
  const promoters = documents.filter((response) => response.score >= 9).length;
  const detractors = documents.filter((response) => response.score <= 6).length;
  const net = ratio(promoters - detractors, documents.length);
  return kpiResult(context, ['nps_responses'], documents, {
    score: net === null ? null : net * 100,
    promoters,
    passives: documents.length - promoters - detractors,
    detractors,
    responses: documents.length,
  });
}
