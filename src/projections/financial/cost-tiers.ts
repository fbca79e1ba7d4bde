import { dailyTimeFactsOf, type HoursFact, nextMonthStart } from '../delivery';
import type { EventCounted } from '../shared/kpi';
import type { KpiContext } from '../shared/kpi';
import { tierChangeDates, tierOn } from './client-timeline';
import type { ClientDocument } from './clients.projection';
import { type CostLine, type PeriodCosts, timeCostLine } from './cost-lines';

const isMonthFact = (document: EventCounted): document is HoursFact => (document as Partial<HoursFact>).grain === 'month';

/**
 * True when the client ended some day of the month starting `monthStart` in another tier than its
 * first day: a tier change took effect on one of the following days of the month.
 */
export function tierVariesInMonth(client: ClientDocument, monthStart: string, timeZone: string): boolean {
  if (client.tierHistory.length <= 1) return false;
  return monthsWithTierChange(client, timeZone).has(monthStart);
}

/** The first days of the months in which the client's tier changed after their first day, worked out once per tier history. */
function monthsWithTierChange(client: ClientDocument, timeZone: string): ReadonlySet<string> {
  const known = variedMonths.get(client.tierHistory);
  if (known?.timeZone === timeZone) return known.months;
  const dates = tierChangeDates(client, timeZone);
  const months = new Set<string>();
  client.tierHistory.forEach((change, index) => {
    const monthStart = `${dates[index]!.slice(0, 7)}-01`;
    if (dates[index]! > monthStart && change.tier !== tierOn(client, monthStart, timeZone)) months.add(monthStart);
  });
  variedMonths.set(client.tierHistory, { timeZone, months });
  return months;
}

const variedMonths = new WeakMap<readonly object[], { readonly timeZone: string; readonly months: ReadonlySet<string> }>();

/**
 * Cost lines where each one's tier can be judged from its date: consultant time summed over a
 * month of a client whose tier changed within that month is replaced by that client's days.
 * Months without a change (nearly all) keep their one line.
 */
export async function datedByTier(context: KpiContext, costs: PeriodCosts, clients: ReadonlyMap<string, ClientDocument>): Promise<Pick<PeriodCosts, 'lines' | 'documents'>> {
  const split = new Set<string>();
  // A month holds a line per project, consultant and billability: each client's month is judged once.
  const judged = new Set<string>();
  for (const line of costs.lines) {
    const client = line.clientId === null ? undefined : clients.get(line.clientId);
    if (line.grain !== 'month' || !client) continue;
    const pair = `${line.clientId}\t${line.date}`;
    if (judged.has(pair)) continue;
    judged.add(pair);
    if (tierVariesInMonth(client, line.date, context.timeZone)) split.add(pair);
  }
  if (split.size === 0) return costs;
  const days = await Promise.all(
    [...split].map((pair) => {
      const [clientId, monthStart] = pair.split('\t') as [string, string];
      return dailyTimeFactsOf(context, clientId, monthStart, nextMonthStart(monthStart));
    }),
  );
  const kept = costs.lines.filter((line) => !(line.grain === 'month' && split.has(`${line.clientId}\t${line.date}`)));
  return {
    lines: [...kept, ...days.flatMap((time) => time.facts.map(timeCostLine))],
    documents: [...costs.documents.filter((document) => !(isMonthFact(document) && split.has(`${document.clientId}\t${document.date}`))), ...days.flatMap((time) => time.facts)],
  };
}
