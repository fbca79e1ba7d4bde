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
}

/**
 * How the counted facts make the KPI's value: SUM of contributions; SHARE, the sum over the number
 * of counted facts (a rate: contributions are 1 or 0); NET_SHARE_PERCENT, the same × 100 (NPS:
 * +1, 0, −1); MEAN, MEDIAN and P90 of the contributions (inclusive percentiles, as the KPIs use).
 */
export type FactCombination = 'SUM' | 'SHARE' | 'NET_SHARE_PERCENT' | 'MEAN' | 'MEDIAN' | 'P90';

/** The facts of a large collection, read a page at a time in `_id` order: one fact (or none) per document. */
export interface ScannedFacts<D extends ReadDocument> {
  readonly kind: 'scan';
  readonly combination: FactCombination;
  readonly collection: string;
  readonly filter: (period: ResolvedPeriod) => DocumentFilter;
  /** The fact, or null when the document is read but does not belong to the KPI's period. */
  readonly fact: (document: D, context: KpiContext, period: ResolvedPeriod) => KpiFact | null;
}

/** The facts of a KPI computed whole with the same reads the KPI uses (small sets: projects, leads, payments), paged in memory. */
export interface ComputedFacts {
  readonly kind: 'computed';
  readonly combination: FactCombination;
  readonly collections: readonly string[];
  readonly facts: (context: KpiContext, period: ResolvedPeriod) => Promise<KpiFact[]>;
}

export type FactRule = ScannedFacts<never> | ComputedFacts;

export const scanned = <D extends ReadDocument>(rule: Omit<ScannedFacts<D>, 'kind'>): FactRule => ({ kind: 'scan', ...rule }) as unknown as FactRule;
export const computed = (rule: Omit<ComputedFacts, 'kind'>): FactRule => ({ kind: 'computed', ...rule });

export const eventsOf = (document: ReadDocument): number => (typeof document._events === 'number' ? document._events : 0);
