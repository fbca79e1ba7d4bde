import type { ClientTier } from '../../aggregates/client/client.events';
import { businessDate } from '../../core/business-time';
import type { ClientDocument, ClientRetainer } from './clients.projection';

/*
 * State "at an instant" is the state after every fact strictly before it: a fact at a period's
 * start instant belongs to that period, so the state at `fromInstant` is the opening balance and
 * the state at `toInstant` the closing one.
 */

export function isActiveAt(client: ClientDocument, instant: string): boolean {
  return client.activeIntervals.some((interval) => interval.from < instant && (interval.to === null || instant <= interval.to));
}

export function tierAt(client: ClientDocument, instant: string): ClientTier {
  let tier = client.tierHistory[0]?.tier ?? client.tier;
  for (const change of client.tierHistory) if (change.at < instant) tier = change.tier;
  return tier;
}

/**
 * The business date of each of the client's tier changes, in `tierHistory` order: a change at an
 * instant before a date's end is one dated on or before it. Worked out once per client document
 * and time zone, so a KPI judging thousands of dated amounts compares strings.
 */
export function tierChangeDates(client: ClientDocument, timeZone: string): readonly string[] {
  const known = changeDates.get(client.tierHistory);
  if (known?.timeZone === timeZone) return known.dates;
  const dates = client.tierHistory.map((change) => businessDate(change.at, timeZone));
  changeDates.set(client.tierHistory, { timeZone, dates });
  return dates;
}

// Keyed by the history itself: a tier change gives the client a new one.
const changeDates = new WeakMap<readonly object[], { readonly timeZone: string; readonly dates: readonly string[] }>();

/** The tier the client ended a business day with: facts dated that day take its latest tier. */
export function tierOn(client: ClientDocument, date: string, timeZone: string): ClientTier {
  // One tier all along (most clients): no date to work out.
  if (client.tierHistory.length <= 1) return client.tierHistory[0]?.tier ?? client.tier;
  const dates = tierChangeDates(client, timeZone);
  let tier = client.tierHistory[0]!.tier;
  client.tierHistory.forEach((change, index) => {
    if (dates[index]! <= date) tier = change.tier;
  });
  return tier;
}

/** The retainer's monthly amount in effect at `instant`; `through` also applies facts at it. */
export function retainerMonthlyAt(retainer: ClientRetainer, instant: string, through = false): number {
  const before = (at: string) => (through ? at <= instant : at < instant);
  if (!before(retainer.startedAt) || (retainer.cancelledAt !== null && before(retainer.cancelledAt))) return 0;
  let amount = 0;
  for (const change of retainer.amounts) if (before(change.at)) amount = change.monthlyAmountCents;
  return amount;
}

export function clientMrrAt(client: ClientDocument, instant: string, through = false): number {
  return client.retainers.reduce((total, retainer) => total + retainerMonthlyAt(retainer, instant, through), 0);
}

export type MrrMovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

export interface MrrChange {
  readonly clientId: string;
  readonly at: string;
  readonly kind: MrrMovementKind;
  /** Always positive: the size of the movement. */
  readonly amountCents: number;
}

function kindOf(client: ClientDocument, at: string, before: number, after: number): MrrMovementKind {
  if (before === 0) return client.retainers.some((retainer) => retainer.startedAt < at) ? 'reactivation' : 'new';
  if (after === 0) return 'churn';
  return after > before ? 'expansion' : 'contraction';
}

/**
 * The client's MRR movements with instants in [from, to). Facts at one instant are netted (an
 * offboarding cancels every retainer at once: one churn), so the movements add up exactly to
 * `clientMrrAt(to) − clientMrrAt(from)`.
 */
export function mrrChanges(client: ClientDocument, from: string, to: string): MrrChange[] {
  const instants = new Set<string>();
  for (const retainer of client.retainers) {
    for (const change of retainer.amounts) instants.add(change.at);
    instants.add(retainer.startedAt);
    if (retainer.cancelledAt !== null) instants.add(retainer.cancelledAt);
  }
  const changes: MrrChange[] = [];
  for (const at of [...instants].filter((instant) => instant >= from && instant < to).sort()) {
    const before = clientMrrAt(client, at);
    const after = clientMrrAt(client, at, true);
    if (before === after) continue;
    changes.push({ clientId: client.clientId, at, kind: kindOf(client, at, before, after), amountCents: Math.abs(after - before) });
  }
  return changes;
}

const yearMs = 365 * 86_400_000;

/**
 * Retainer value of the client's first year from onboarding: MRR integrated over that year, in
 * months of a twelfth of 365 days. Retainers still running count as contracted until the year ends.
 */
export function firstYearRetainerValueCents(client: ClientDocument): number {
  const start = Date.parse(client.onboardedAt);
  const end = start + yearMs;
  let value = 0;
  for (const retainer of client.retainers) {
    const stop = retainer.cancelledAt === null ? end : Math.min(end, Date.parse(retainer.cancelledAt));
    retainer.amounts.forEach((change, index) => {
      const next = retainer.amounts[index + 1];
      const from = Math.max(start, Date.parse(change.at));
      const to = Math.min(stop, next ? Date.parse(next.at) : stop);
      if (to > from) value += (change.monthlyAmountCents * (to - from)) / (yearMs / 12);
    });
  }
  return Math.round(value);
}
