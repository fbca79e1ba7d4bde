import type { Contribution, DerivedSums } from '../../core/projection-sums';
import { type Grains, instantContributions } from '../shared/instant-buckets';
import { eventsOf } from '../shared/kpi';
import type { TicketDocument } from './ticket.document';

/** Key of the events folded into the tickets a sum counts: the KPIs' `eventCount`, as the scan path sums each ticket's `_events`. */
export const ticketEventsKey = '\u0000events';

/**
 * Resolution rows. A ticket's latest resolution (resolutions in time order) counts in every period
 * that holds it, so it needs no instant: 1 under its duration (`f\t<ms>`), its events under `fe` —
 * rows that merge across tickets. An earlier resolution counts only in a period that ends before
 * the next one, so its row carries its own instant, the next's and the duration (`r`), with its
 * events beside it (`e`).
 */
const finalKey = (durationMs: number) => `f\t${durationMs}`;
const finalEventsKey = 'fe';
const earlierKey = (resolvedAt: string, next: string, durationMs: number) => `r\t${resolvedAt}\t${next}\t${durationMs}`;
const earlierEventsKey = (resolvedAt: string, next: string) => `e\t${resolvedAt}\t${next}`;
/** A ticket whose resolutions are not in time order: read whole at query time (see `resolutionTime`). */
const unorderedKey = (resolvedAt: string, ticketId: string) => `u\t${resolvedAt}\t${ticketId}`;

const durationMs = (from: string, to: string) => Date.parse(to) - Date.parse(from);
const inTimeOrder = (instants: readonly string[]) => instants.every((instant, index) => index === 0 || instants[index - 1]! <= instant);

/** One instant a ticket adds to a measure's sums, with its amounts. */
export interface TicketFact {
  readonly measure: 'opened' | 'responded' | 'resolved';
  readonly instant: string;
  readonly amounts: Contribution['amounts'];
}

/**
 * What a ticket adds to the sums, fact by fact:
 * - `opened` on its opening: 1 per channel, priority and client (ticketVolume);
 * - `responded` on its first response: 1 under its response time in ms (firstResponseTime's
 *   percentiles are exact: the sums hold every duration, counted);
 * - `resolved` on each resolution: 1 under the duration from its opening. resolutionTime counts a
 *   ticket once per period, with its latest resolution in it: with resolutions in time order that
 *   is its last, or an earlier one whose next resolution is at or after the period's end, so the
 *   query keeps exactly those rows. A ticket whose resolutions are out of time order (facts
 *   recorded late) is listed by id instead, on each of its resolutions, and measured from its
 *   document.
 * Each fact also carries the ticket's events, so `eventCount` is the scan path's.
 */
function ticketFacts(ticket: TicketDocument): TicketFact[] {
  const events = eventsOf(ticket);
  const facts: TicketFact[] = [
    { measure: 'opened', instant: ticket.openedAt, amounts: [[`channel\t${ticket.channel}`, 1], [`priority\t${ticket.priority}`, 1], [`client\t${ticket.clientId}`, 1], [ticketEventsKey, events]] },
  ];
  if (ticket.firstRespondedAt !== null) {
    facts.push({ measure: 'responded', instant: ticket.firstRespondedAt, amounts: [[`d\t${durationMs(ticket.openedAt, ticket.firstRespondedAt)}`, 1], [ticketEventsKey, events]] });
  }
  const resolutions = ticket.resolvedAts;
  const ordered = inTimeOrder(resolutions);
  resolutions.forEach((resolvedAt, index) => {
    const next = resolutions[index + 1];
    const duration = durationMs(ticket.openedAt, resolvedAt);
    const amounts: Contribution['amounts'] = !ordered
      ? [[unorderedKey(resolvedAt, ticket._id), 1]]
      : next === undefined
        ? [[finalKey(duration), 1], [finalEventsKey, events]]
        : [[earlierKey(resolvedAt, next, duration), 1], [earlierEventsKey(resolvedAt, next), events]];
    facts.push({ measure: 'resolved', instant: resolvedAt, amounts });
  });
  return facts;
}

/** The tickets' sums, kept beside them in the `tickets` collection (day, and for openings month, buckets of UTC instants). */
export const ticketSums: DerivedSums<TicketDocument> = {
  of: (ticket) => ticketFacts(ticket).flatMap((fact) => instantContributions(fact.measure, fact.instant, fact.amounts, ticketGrains[fact.measure])),
};

/** Openings merge into a few counts per month; durations keep a row each, so days only (see `Grains`). */
export const ticketGrains: Record<TicketFact['measure'], Grains> = { opened: 'months and days', responded: 'days', resolved: 'days' };

/** A `resolved` row: a latest resolution's duration or events, an earlier one's (at its instant), or an unordered ticket (at the resolution's instant). */
export type ResolvedRow =
  | { readonly kind: 'final'; readonly durationMs: number }
  | { readonly kind: 'final events' }
  | { readonly kind: 'earlier'; readonly resolvedAt: string; readonly next: string; readonly durationMs: number }
  | { readonly kind: 'earlier events'; readonly resolvedAt: string; readonly next: string }
  | { readonly kind: 'unordered'; readonly resolvedAt: string; readonly ticketId: string };

export function resolvedRow(key: string): ResolvedRow | null {
  if (key === finalEventsKey) return { kind: 'final events' };
  const [kind, first, second, third] = key.split('\t') as [string, string, string | undefined, string | undefined];
  if (kind === 'f') return { kind: 'final', durationMs: Number(first) };
  if (kind === 'r') return { kind: 'earlier', resolvedAt: first, next: second!, durationMs: Number(third) };
  if (kind === 'e') return { kind: 'earlier events', resolvedAt: first, next: second! };
  if (kind === 'u') return { kind: 'unordered', resolvedAt: first, ticketId: second! };
  return null;
}

/** Whether a `resolved` row carries the instant of its resolution (rows of latest resolutions do not). */
export const rowInstant = (row: ResolvedRow): string | null => ('resolvedAt' in row ? row.resolvedAt : null);
