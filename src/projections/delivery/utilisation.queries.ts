import { type Period, startOfBusinessDate } from '../../core/business-time';
import { ratio } from '../shared/kpi-math';
import { type KpiContext, type KpiResult, kpiResult, periodOf } from '../shared/kpi';
import { availableHours, type DateRange, isActiveDuring } from './availability';
import type { ConsultantDocument } from './consultants.projection';
import { hoursBy, sumHours } from './hours';
import { findEvery } from '../shared/documents';
import { timeFactsIn } from './time-facts';

export interface Utilisation {
  readonly billableHours: number;
  readonly availableHours: number;
  /** billableHours ÷ availableHours; null when nothing was available. Target ≥ 0.8. */
  readonly utilisation: number | null;
}

export interface ConsultantUtilisation extends Utilisation {
  readonly consultantId: string;
  /** Null for hours logged by a consultant the read model does not know. */
  readonly name: string | null;
}

export interface BillableUtilisation {
  /** Σ billable hours ÷ Σ available hours, over everyone. */
  readonly team: Utilisation;
  readonly byConsultant: Record<string, ConsultantUtilisation>;
}

/**
 * billableUtilisation: billable hours with a work date in the period (after corrections and
 * deletions) ÷ available hours. Available = weekly capacity × working days ÷ 5 − time off, day by
 * day: capacity as it was on each day, nothing on days the consultant was not active (see
 * `availableHours`). Lists consultants active during the period or with billable hours in it.
 */
export async function billableUtilisation(context: KpiContext, period: Period): Promise<KpiResult<BillableUtilisation>> {
  const resolved = periodOf(context, period);
  const range = { from: resolved.fromDate, to: resolved.toDate };
  const registeredBefore = startOfBusinessDate(range.to, context.timeZone).toISOString();
  // Every consultant, filtered here: a consultancy has few, and each point of a series then shares one read.
  const [everyone, { facts, readModel }] = await Promise.all([findEvery<ConsultantDocument>(context.reads, 'consultants', {}), timeFactsIn(context, resolved, { billableOnly: true })]);
  const registered = everyone.filter((consultant) => consultant.registeredAt < registeredBefore);
  const billableByConsultant = hoursBy(facts, (fact) => fact.consultantId);
  const consultants = registered.filter((consultant) => consultant.consultantId in billableByConsultant || isActiveDuring(consultant, range, context.timeZone));
  const byConsultant = consultantFigures(consultants, billableByConsultant, range, context.timeZone);
  const billable = sumHours(facts);
  const available = Object.values(byConsultant).reduce((total, figures) => total + Math.round(figures.availableHours * 1000), 0) / 1000;
  const team = { billableHours: billable, availableHours: available, utilisation: ratio(billable, available) };
  return kpiResult(context, ['consultants', readModel], [...consultants, ...facts], { team, byConsultant });
}

function consultantFigures(
  consultants: readonly ConsultantDocument[],
  billableByConsultant: Record<string, number>,
  range: DateRange,
  timeZone: string,
): Record<string, ConsultantUtilisation> {
  const figures: Record<string, ConsultantUtilisation> = {};
  for (const consultant of consultants) {
    const billable = billableByConsultant[consultant.consultantId] ?? 0;
    const available = availableHours(consultant, range, timeZone);
    figures[consultant.consultantId] = { consultantId: consultant.consultantId, name: consultant.name, billableHours: billable, availableHours: available, utilisation: ratio(billable, available) };
  }
  for (const [consultantId, billable] of Object.entries(billableByConsultant)) {
    figures[consultantId] ??= { consultantId, name: null, billableHours: billable, availableHours: 0, utilisation: null };
  }
  return figures;
}
