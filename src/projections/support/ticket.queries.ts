import type { Period } from '../../core/business-time';
import { instantInPeriod, type ResolvedPeriod } from '../../core/business-time';
import { minutesBetween } from '../shared/event-instant';
import { eventsOf, kpiResult, periodOf, positionOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { percentiles, sumBy } from '../shared/kpi-math';
import { instantsIn } from '../shared/period-filter';
import { ticketsById, ticketSumsIn, ticketsCollection } from './ticket-sums.reads';
import { resolvedRow, ticketEventsKey } from './ticket.sums';
import type { TicketDocument } from './tickets.projection';

export interface TicketVolume {
  readonly opened: number;
  readonly byChannel: Record<string, number>;
  readonly byPriority: Record<string, number>;
  readonly byClient: Record<string, number>;
}

/** Median and p90 of durations in calendar minutes, over `tickets` samples (null when none). */
export interface DurationPercentiles {
  readonly tickets: number;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
}

const one = () => 1;

/** ticketVolume: tickets opened in the period, by channel, priority and client. */
export async function ticketVolume(context: KpiContext, period: Period): Promise<KpiResult<TicketVolume>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') {
    const totals = await ticketSumsIn(context, 'opened', resolved);
    const byChannel: Record<string, number> = {};
    const byPriority: Record<string, number> = {};
    const byClient: Record<string, number> = {};
    const groups: Record<string, Record<string, number>> = { channel: byChannel, priority: byPriority, client: byClient };
    for (const [key, count] of totals) {
      const [group, value] = key.split('\t') as [string, string];
      if (count !== 0 && groups[group]) groups[group][value] = count;
    }
    const opened = Object.values(byChannel).reduce((total, count) => total + count, 0);
    return { value: { opened, byChannel, byPriority, byClient }, eventCount: totals.get(ticketEventsKey) ?? 0, position: await positionOf(context.reads, [ticketsCollection]) };
  }
  const { documents } = await context.reads.find<TicketDocument>(ticketsCollection, { filter: { openedAt: instantsIn(resolved) } });
  return kpiResult(context, [ticketsCollection], documents, {
    opened: documents.length,
    byChannel: sumBy(documents, (ticket) => ticket.channel, one),
    byPriority: sumBy(documents, (ticket) => ticket.priority, one),
    byClient: sumBy(documents, (ticket) => ticket.clientId, one),
  });
}

/**
 * firstResponseTime: first human reply − opened, in calendar minutes, over tickets first-responded
 * in the period (whenever they were opened); median and p90 (inclusive percentiles).
 */
export async function firstResponseTime(context: KpiContext, period: Period): Promise<KpiResult<DurationPercentiles>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') {
    const totals = await ticketSumsIn(context, 'responded', resolved);
    const minutes: number[] = [];
    for (const [key, count] of totals) if (key.startsWith('d\t')) pushDurations(minutes, Number(key.slice(2)), count);
    return { value: percentilesOf(minutes), eventCount: totals.get(ticketEventsKey) ?? 0, position: await positionOf(context.reads, [ticketsCollection]) };
  }
  const { documents } = await context.reads.find<TicketDocument>(ticketsCollection, { filter: { firstRespondedAt: instantsIn(resolved) } });
  const minutes = documents.map((ticket) => minutesBetween(ticket.openedAt, ticket.firstRespondedAt!));
  return kpiResult(context, [ticketsCollection], documents, percentilesOf(minutes));
}

/**
 * resolutionTime: resolved − opened, in calendar minutes, over tickets resolved in the period. A
 * ticket counts once per period, with its latest resolution in the period measured from its first
 * opening (a reopened ticket's full resolution time); a ticket resolved again in a later period
 * counts there too.
 */
export async function resolutionTime(context: KpiContext, period: Period): Promise<KpiResult<DurationPercentiles>> {
  const resolved = periodOf(context, period);
  if (context.path !== 'scan') return resolutionTimeFromSums(context, resolved);
  const { documents } = await context.reads.find<TicketDocument>(ticketsCollection, { filter: { lastResolvedAt: { $gte: resolved.fromInstant } } });
  const samples = documents.flatMap((ticket) => {
    const last = lastResolutionIn(ticket, resolved);
    return last === null ? [] : [{ ticket, minutes: minutesBetween(ticket.openedAt, last) }];
  });
  return kpiResult(
    context,
    [ticketsCollection],
    samples.map((sample) => sample.ticket),
    percentilesOf(samples.map((sample) => sample.minutes)),
  );
}

/**
 * From the sums: each ticket's latest resolution counts, and an earlier one whose next resolution
 * is at or after the period's end (the latest in the period); tickets with resolutions out of time
 * order are measured from their documents, as the scan path does.
 */
async function resolutionTimeFromSums(context: KpiContext, resolved: ResolvedPeriod): Promise<KpiResult<DurationPercentiles>> {
  const totals = await ticketSumsIn(context, 'resolved', resolved);
  const latestInPeriod = (next: string) => next >= resolved.toInstant;
  const minutes: number[] = [];
  const unordered = new Set<string>();
  let events = 0;
  for (const [key, amount] of totals) {
    const row = amount === 0 ? null : resolvedRow(key);
    if (row?.kind === 'final') pushDurations(minutes, row.durationMs, amount);
    else if (row?.kind === 'final events') events += amount;
    else if (row?.kind === 'earlier' && latestInPeriod(row.next)) pushDurations(minutes, row.durationMs, amount);
    else if (row?.kind === 'earlier events' && latestInPeriod(row.next)) events += amount;
    else if (row?.kind === 'unordered') unordered.add(row.ticketId);
  }
  for (const ticket of await ticketsById(context, [...unordered])) {
    const last = lastResolutionIn(ticket, resolved);
    if (last === null) continue;
    minutes.push(minutesBetween(ticket.openedAt, last));
    events += eventsOf(ticket);
  }
  return { value: percentilesOf(minutes), eventCount: events, position: await positionOf(context.reads, [ticketsCollection]) };
}

/** Adds `count` samples of a duration in ms, in calendar minutes as `minutesBetween` gives them. */
function pushDurations(minutes: number[], durationMs: number, count: number): void {
  for (let sample = 0; sample < count; sample++) minutes.push(durationMs / 60_000);
}

/** A ticket's latest resolution in the period, or null: resolution time counts a ticket once, with it. */
export function lastResolutionIn(ticket: TicketDocument, period: ResolvedPeriod): string | null {
  return ticket.resolvedAts.filter((at) => instantInPeriod(at, period)).at(-1) ?? null;
}

function percentilesOf(minutes: number[]): DurationPercentiles {
  const [medianMinutes = null, p90Minutes = null] = percentiles(minutes, [0.5, 0.9]);
  return { tickets: minutes.length, medianMinutes, p90Minutes };
}
