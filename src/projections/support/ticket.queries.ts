import type { Period } from '../../core/business-time';
import { instantInPeriod, type ResolvedPeriod } from '../../core/business-time';
import { minutesBetween } from '../shared/event-instant';
import { kpiResult, periodOf, type KpiContext, type KpiResult } from '../shared/kpi';
import { percentile, sumBy } from '../shared/kpi-math';
import { instantsIn } from '../shared/period-filter';
import { type TicketResolutionDocument, ticketResolutionsCollection } from './ticket-resolutions.projection';
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
  const filter = { openedAt: instantsIn(periodOf(context, period)) };
  const { documents } = await context.reads.find<TicketDocument>('tickets', { filter });
  return kpiResult(context, ['tickets'], documents, {
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
  const filter = { firstRespondedAt: instantsIn(periodOf(context, period)) };
  const { documents } = await context.reads.find<TicketDocument>('tickets', { filter });
  const minutes = documents.map((ticket) => minutesBetween(ticket.openedAt, ticket.firstRespondedAt!));
  return kpiResult(context, ['tickets'], documents, percentilesOf(minutes));
}

/**
 * resolutionTime: resolved − opened, in calendar minutes, over tickets resolved in the period. A
 * ticket counts once per period, with its latest resolution in the period measured from its first
 * opening (a reopened ticket's full resolution time); a ticket resolved again in a later period
 * counts there too.
 */
export async function resolutionTime(context: KpiContext, period: Period): Promise<KpiResult<DurationPercentiles>> {
  const resolved = periodOf(context, period);
  const samples = (await ticketsResolvedIn(context, resolved)).flatMap((ticket) => {
    const last = lastResolutionIn(ticket, resolved);
    return last === null ? [] : [{ ticket, minutes: minutesBetween(ticket.openedAt, last) }];
  });
  return kpiResult(
    context,
    ['tickets', ticketResolutionsCollection],
    samples.map((sample) => sample.ticket),
    percentilesOf(samples.map((sample) => sample.minutes)),
  );
}

/**
 * The tickets with a resolution in the period: the period's resolutions (one range of their
 * index), then those tickets by id. Bounded by the period, where a range over the tickets' latest
 * resolution would also read every ticket resolved since.
 */
async function ticketsResolvedIn(context: KpiContext, resolved: ResolvedPeriod): Promise<TicketDocument[]> {
  const { documents } = await context.reads.find<TicketResolutionDocument>(ticketResolutionsCollection, { filter: { resolvedAt: instantsIn(resolved) } });
  const ids = [...new Set(documents.map((resolution) => resolution.ticketId))];
  const tickets = await context.reads.getMany<TicketDocument>('tickets', ids);
  return ids.flatMap((id) => tickets.get(id)?.document ?? []);
}

/** A ticket's latest resolution in the period, or null: resolution time counts a ticket once, with it. */
export function lastResolutionIn(ticket: TicketDocument, period: ResolvedPeriod): string | null {
  return ticket.resolvedAts.filter((at) => instantInPeriod(at, period)).at(-1) ?? null;
}

function percentilesOf(minutes: number[]): DurationPercentiles {
  return { tickets: minutes.length, medianMinutes: percentile(minutes, 0.5), p90Minutes: percentile(minutes, 0.9) };
}
