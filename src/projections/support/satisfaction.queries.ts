import type { Period, ResolvedPeriod } from '../../core/business-time';
import type { DerivedSums } from '../../core/projection-sums';
import type { ReadDocument } from '../../core/read-store.port';
import { indexedEdge, periodSums } from '../shared/instant-buckets';
import { kpiResult, periodOf, positionOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { ratio } from '../shared/kpi-math';
import { instantsIn } from '../shared/period-filter';
import type { CsatRatingDocument } from './csat-ratings.projection';
import type { NpsResponseDocument } from './nps-responses.projection';
import { csatSums, isSatisfied, npsCategoryOf, npsSums, satisfactionEventsKey } from './satisfaction.sums';

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
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') {
    const { totals, eventCount, position } = await sumsIn(context, 'csat_ratings', 'ratedAt', csatSums, 'rated', resolved);
    return { value: csatOf(totals.get('satisfied') ?? 0, totals.get('ratings') ?? 0), eventCount, position };
  }
  const { documents } = await context.reads.find<CsatRatingDocument>('csat_ratings', { filter: { ratedAt: instantsIn(resolved) } });
  return kpiResult(context, ['csat_ratings'], documents, csatOf(documents.filter((rating) => isSatisfied(rating.score)).length, documents.length));
}

/** nps: % of responses 9–10 minus % of responses 0–6, over responses given in the period. */
export async function nps(context: KpiContext, period: Period): Promise<KpiResult<Nps>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') {
    const { totals, eventCount, position } = await sumsIn(context, 'nps_responses', 'respondedAt', npsSums, 'responded', resolved);
    return { value: npsOf(totals.get('promoter') ?? 0, totals.get('passive') ?? 0, totals.get('detractor') ?? 0), eventCount, position };
  }
  const { documents } = await context.reads.find<NpsResponseDocument>('nps_responses', { filter: { respondedAt: instantsIn(resolved) } });
  const count = (category: ReturnType<typeof npsCategoryOf>) => documents.filter((response) => npsCategoryOf(response.score) === category).length;
  return kpiResult(context, ['nps_responses'], documents, npsOf(count('promoter'), count('passive'), count('detractor')));
}

const csatOf = (satisfied: number, ratings: number): Csat => ({ rate: ratio(satisfied, ratings), satisfied, ratings });

function npsOf(promoters: number, passives: number, detractors: number): Nps {
  const responses = promoters + passives + detractors;
  const net = ratio(promoters - detractors, responses);
  return { score: net === null ? null : net * 100, promoters, passives, detractors, responses };
}

/** One measure's sums over the period (whole UTC days and months from the sums, the hours either side by the index on the instant). */
async function sumsIn<D extends ReadDocument>(context: KpiContext, collection: string, field: keyof D & string, sums: DerivedSums<D>, measure: string, period: ResolvedPeriod) {
  const totals = await periodSums(context.reads, collection, measure, period, indexedEdge(context.reads, collection, field, sums, measure));
  return { totals, eventCount: totals.get(satisfactionEventsKey) ?? 0, position: await positionOf(context.reads, [collection]) };
}
