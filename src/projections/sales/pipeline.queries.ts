import type { Period } from '../../core/business-time';
import { leadStages, type LeadStage } from '../../aggregates/lead/lead.events';
import { distinctById } from '../shared/documents';
import { kpiResult, periodOf, type KpiContext, type KpiResult, baseCurrencyOf } from '../shared/kpi';
import { mean, sum } from '../shared/kpi-math';
import { stageIndex, stateAt } from './lead-history';
import type { LeadDocument, LeadSnapshot } from './leads.projection';
import { stageWinRatesAt, type StageWinRates } from './stage-win-rates';
import { leadsWonIn, salesCycleOf, winRateIn } from './win.queries';

export interface PipelineOptions {
  /** Amounts in other currencies are left out (and counted); defaults to AUD. */
  readonly currency?: string;
  /** How far back closed leads feed the stage win rates; defaults to 365 days. */
  readonly winRateWindowDays?: number;
}

export interface PipelineStage {
  readonly stage: LeadStage;
  readonly leads: number;
  readonly valueCents: number;
  readonly winRate: number | null;
  readonly weightedValueCents: number | null;
}

export interface PipelineValue {
  readonly currency: string;
  readonly openLeads: number;
  /** Open leads without an estimate (they add no value). */
  readonly unvaluedLeads: number;
  readonly otherCurrencyLeads: number;
  readonly valueCents: number;
  /** Σ value × its stage's win rate, rounded to cents; null when no lead closed to learn rates from. */
  readonly weightedValueCents: number | null;
  readonly byStage: PipelineStage[];
}

export interface PipelineVelocity {
  readonly currency: string;
  /** Expected won value per day, in cents; null when a factor is null or the sales cycle is 0 days. */
  readonly centsPerDay: number | null;
  readonly openQualifiedLeads: number;
  readonly averageWonValueCents: number | null;
  readonly winRate: number | null;
  readonly salesCycleDays: number | null;
}

type OpenLead = { lead: LeadDocument; state: LeadSnapshot };

/** Leads open just before `instant`: open now, or closed since (a reopen may have closed them before it). */
async function openLeadsAt(context: KpiContext, instant: string): Promise<OpenLead[]> {
  const capturedBefore = { $lt: instant };
  const [openNow, closedSince] = await Promise.all([
    context.reads.find<LeadDocument>('leads', { filter: { status: 'open', capturedAt: capturedBefore } }),
    context.reads.find<LeadDocument>('leads', { filter: { lastClosedAt: { $gte: instant }, capturedAt: capturedBefore } }),
  ]);
  const leads = new Map([...openNow.documents, ...closedSince.documents].map((lead) => [lead._id, lead]));
  return [...leads.values()].flatMap((lead) => {
    const state = stateAt(lead, instant);
    return state?.status === 'open' ? [{ lead, state }] : [];
  });
}

function stageRows(open: readonly OpenLead[], valued: readonly OpenLead[], rates: StageWinRates): PipelineStage[] {
  return leadStages.map((stage) => {
    const valueCents = sum(valued.filter(({ state }) => state.stage === stage).map(({ state }) => state.valueCents!));
    const winRate = rates[stage];
    const weightedValueCents = winRate === null ? null : Math.round(valueCents * winRate);
    return { stage, leads: open.filter(({ state }) => state.stage === stage).length, valueCents, winRate, weightedValueCents };
  });
}

/**
 * pipelineValue: Σ latest estimate of leads open at the period end, and weighted by each stage's win
 * rate (share of leads closed in the 365 days before the period end that reached the stage and were
 * won; see `stageWinRatesAt`). Only amounts in `options.currency` (AUD) are summed.
 */
export async function pipelineValue(context: KpiContext, period: Period, options: PipelineOptions = {}): Promise<KpiResult<PipelineValue>> {
  const currency = options.currency ?? baseCurrencyOf(context);
  const end = periodOf(context, period).toInstant;
  const [open, history] = await Promise.all([openLeadsAt(context, end), stageWinRatesAt(context, end, options.winRateWindowDays ?? 365)]);
  const valued = open.filter(({ state }) => state.valueCents !== null && state.currency === currency);
  const weighted = history.leads.length === 0 ? null : Math.round(sum(valued.map(({ state }) => state.valueCents! * history.rates[state.stage]!)));
  return kpiResult(context, ['leads'], distinctById([...open.map(({ lead }) => lead), ...history.leads]), {
    currency,
    openLeads: open.length,
    unvaluedLeads: open.filter(({ state }) => state.valueCents === null).length,
    otherCurrencyLeads: open.filter(({ state }) => state.valueCents !== null && state.currency !== currency).length,
    valueCents: sum(valued.map(({ state }) => state.valueCents!)),
    weightedValueCents: weighted,
    byStage: stageRows(open, valued, history.rates),
  });
}

/**
 * pipelineVelocity: open leads at QUALIFIED or later at the period end × average value of leads
 * won in the period (in `options.currency`) × winRate of the period ÷ salesCycleDays of the
 * period; cents per day, rounded.
 */
export async function pipelineVelocity(context: KpiContext, period: Period, options: Pick<PipelineOptions, 'currency'> = {}): Promise<KpiResult<PipelineVelocity>> {
  const currency = options.currency ?? baseCurrencyOf(context);
  const resolved = periodOf(context, period);
  const [open, won, rate] = await Promise.all([openLeadsAt(context, resolved.toInstant), leadsWonIn(context, resolved), winRateIn(context, resolved)]);
  const qualified = open.filter(({ state }) => stageIndex(state.stage) >= stageIndex('QUALIFIED'));
  const averageWonValueCents = mean(won.filter((lead) => lead.currency === currency).map((lead) => lead.valueCents!));
  const { days } = salesCycleOf(won, context.timeZone);
  const factors = [averageWonValueCents, rate.value.rate, days];
  const centsPerDay = factors.some((factor) => factor === null) || days === 0 ? null : Math.round((qualified.length * averageWonValueCents! * rate.value.rate!) / days!);
  return kpiResult(context, ['leads'], distinctById([...qualified.map(({ lead }) => lead), ...won, ...rate.leads]), {
    currency,
    centsPerDay,
    openQualifiedLeads: qualified.length,
    averageWonValueCents,
    winRate: rate.value.rate,
    salesCycleDays: days,
  });
}
