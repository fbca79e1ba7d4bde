import type { ResolvedPeriod } from '../../core/business-time';
import type { ReadDocument } from '../../core/read-store.port';
import { type HoursFact, type ProjectDocument, timeFactsIn } from '../delivery';
import type { EventCounted, KpiContext } from '../shared/kpi';
import { expensesCollection, type ExpenseDocument } from './expenses.projection';
import { expensesIncurredIn } from './financial.reads';
import { documentsByIds } from '../shared/documents';

/** Consultant time as a cost category, beside the expense categories. */
export const consultantTimeCategory = 'consultant_time';

/** One cost of the period, attributed to a client and project where the facts allow. */
export interface CostLine {
  readonly category: string;
  /** The expense's incurred date or the time entry's work date. */
  readonly date: string;
  readonly amountCents: number;
  readonly clientId: string | null;
  readonly projectId: string | null;
  /** `month` for consultant time summed over a calendar month (the bucket path); its date is the 1st. */
  readonly grain?: 'day' | 'month';
}

export interface PeriodCosts {
  readonly lines: CostLine[];
  /** The documents the lines came from, for the KPI's event count. */
  readonly documents: readonly EventCounted[];
  /** The read models the lines came from, for the KPI's position. */
  readonly readModels: string[];
}

/** Hours × the cost rate each entry was logged with, rounded per entry so breakdowns add up. */
export function timeCostLine(fact: HoursFact): CostLine {
  return { category: consultantTimeCategory, date: fact.date, amountCents: fact.costCents, clientId: fact.clientId, projectId: fact.projectId, grain: fact.grain };
}

/** An expense booked on a project but not a client belongs to the project's client. */
function expenseLine(expense: ExpenseDocument, projects: ReadonlyMap<string, ProjectDocument>): CostLine {
  const projectClient = expense.projectId === null ? null : (projects.get(expense.projectId)?.clientId ?? null);
  const { category, incurredOn: date, amountCents, projectId } = expense;
  return { category, date, amountCents, clientId: expense.clientId ?? projectClient, projectId };
}

/** Expenses incurred in the period and consultant time worked in it, as cost lines. */
export async function costsIn(context: KpiContext, period: ResolvedPeriod): Promise<PeriodCosts> {
  const [expenses, time] = await Promise.all([expensesIncurredIn(context, period), timeFactsIn(context, period)]);
  const projectIds = expenses.filter((expense) => expense.clientId === null && expense.projectId !== null).map((expense) => expense.projectId!);
  const projects = await documentsByIds<ProjectDocument>(context.reads, 'projects', projectIds);
  const lines = [...expenses.map((expense) => expenseLine(expense, projects)), ...time.facts.map(timeCostLine)];
  return { lines, documents: [...expenses, ...time.facts, ...projects.values()], readModels: [expensesCollection, time.readModel, 'projects'] };
}
