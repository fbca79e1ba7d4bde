import type { ResolvedPeriod } from '../../core/business-time';
import type { DocumentFilter, ReadDocument } from '../../core/read-store.port';
import type { KpiContext } from '../shared/kpi';

/** One fact a KPI's rule looked at: an entity, what it adds to the value, and whether (and why not) it counted. */
export interface KpiFact {
  readonly entity: string;
  readonly id: string;
  /** The stream holding the entity's events. */
  readonly stream: string;
  /** The business date, or the instant, the rule judged it by. */
  readonly date: string;
  readonly counted: boolean;
  /** How the rule treated it: what it counted as, or why it was left out. */
  readonly rule: string;
  /** What it adds to the KPI's value (0 when excluded): hours, cents, minutes, 1 for a yes… */
  readonly contribution: number;
  /** Events folded into the entity. */
  readonly events: number;
  /** What it adds to the denominator of a RATIO (absent for the other combinations). */
  readonly weight?: number;
}

/**
 * How the counted facts make the KPI's value: SUM of contributions; SHARE, the sum over the number
 * of counted facts (a rate: contributions are 1 or 0); NET_SHARE_PERCENT, the same × 100 (NPS:
 * +1, 0, −1); MEAN (MEAN_ROUNDED: to a whole number), MEDIAN and P90 of the contributions
 * (inclusive percentiles, as the KPIs use); RATIO, the sum of contributions over the sum of weights
 * (facts of two kinds: a margin's revenue and costs, utilisation's hours and capacity).
 */
export type FactCombination = 'SUM' | 'SHARE' | 'NET_SHARE_PERCENT' | 'MEAN' | 'MEAN_ROUNDED' | 'MEDIAN' | 'P90' | 'RATIO';

/** Facts of a large collection, read a page at a time in `_id` order: one fact (or none) per document. */
export interface ScannedPart<D extends ReadDocument> {
  readonly kind: 'scan';
  readonly collection: string;
  readonly filter: (period: ResolvedPeriod) => DocumentFilter;
  /** The fact, or null when the document is read but does not belong to the KPI's period. */
  readonly fact: (document: D, context: KpiContext, period: ResolvedPeriod) => KpiFact | null;
}

/** Facts computed whole with the same reads the KPI uses (small sets: projects, clients, invoices, expenses), paged in memory. */
export interface ComputedPart {
  readonly kind: 'computed';
  readonly collections: readonly string[];
  readonly facts: (context: KpiContext, period: ResolvedPeriod) => Promise<KpiFact[]>;
}

export type FactPart = ScannedPart<never> | ComputedPart;

/** A KPI's facts: one part or several (a margin's invoices, expenses and time entries), listed part after part. */
export interface FactRule {
  readonly combination: FactCombination;
  readonly parts: readonly FactPart[];
}

export const scannedPart = <D extends ReadDocument>(part: Omit<ScannedPart<D>, 'kind'>): FactPart => ({ kind: 'scan', ...part }) as unknown as FactPart;
export const computedPart = (part: Omit<ComputedPart, 'kind'>): FactPart => ({ kind: 'computed', ...part });

/** A KPI whose facts all come from one large collection. */
export const scanned = <D extends ReadDocument>(rule: { combination: FactCombination } & Omit<ScannedPart<D>, 'kind'>): FactRule => {
  const { combination, ...part } = rule;
  return { combination, parts: [scannedPart(part)] };
};

/** A KPI whose facts are computed whole. */
export const computed = (rule: { combination: FactCombination } & Omit<ComputedPart, 'kind'>): FactRule => {
  const { combination, ...part } = rule;
  return { combination, parts: [computedPart(part)] };
};

export { eventsOf } from '../shared/kpi';
