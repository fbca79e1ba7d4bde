import type { Period } from '../../core/business-time';
import type { ReadDocument } from '../../core/read-store.port';
import { type KpiContext, periodOf, positionOf } from '../shared/kpi';
import { deliveryFacts } from './delivery.fact-rules';
import { financialFacts } from './financial.fact-rules';
import type { ComputedFacts, FactCombination, FactRule, KpiFact, ScannedFacts } from './kpi-fact';
import { operationsFacts, salesFacts } from './sales-operations.fact-rules';
import { supportFacts } from './support.fact-rules';

export type { FactCombination, KpiFact } from './kpi-fact';

/** Every KPI whose value can be taken apart into the facts behind it, by its `SeriesKpi` name. */
export const factRules = { ...deliveryFacts, ...financialFacts, ...supportFacts, ...salesFacts, ...operationsFacts } as const satisfies Record<string, FactRule>;

export type FactKpi = keyof typeof factRules;
export const factKpis = Object.keys(factRules).sort() as FactKpi[];

export interface KpiFactsPage {
  /** Each fact with the key a next page starts after. */
  readonly facts: Array<{ readonly key: string; readonly fact: KpiFact }>;
  readonly hasNextPage: boolean;
  readonly combination: FactCombination;
  readonly position: bigint | null;
}

interface Page {
  readonly first: number;
  readonly after?: string | null;
}

/**
 * The facts behind a KPI value over a period, in key order, a page at a time after the key `after`:
 * every entity its rule looked at, counted or excluded and why. The counted facts of all pages,
 * put together by `combination`, give the KPI's value.
 */
export async function kpiFacts(context: KpiContext, kpi: FactKpi, period: Period, page: Page): Promise<KpiFactsPage> {
  const rule: FactRule = factRules[kpi];
  const resolved = periodOf(context, period);
  const { facts, hasNextPage } = rule.kind === 'scan' ? await scan(context, rule, resolved, page) : await computedPage(context, rule, resolved, page);
  const collections = rule.kind === 'scan' ? [rule.collection] : rule.collections;
  return { facts, hasNextPage, combination: rule.combination, position: await positionOf(context.reads, collections) };
}

/** Reads documents in `_id` order until a page of facts is full: documents the rule passes over (null) cost a read, not a slot. */
async function scan(context: KpiContext, rule: ScannedFacts<never>, period: ReturnType<typeof periodOf>, page: Page) {
  const facts: Array<{ key: string; fact: KpiFact }> = [];
  let after = page.after ?? null;
  for (;;) {
    const filter = { ...rule.filter(period), ...(after ? { _id: { $gt: after } } : {}) };
    const want = page.first + 1 - facts.length;
    const { documents } = await context.reads.find<ReadDocument>(rule.collection, { filter, sort: [['_id', 1]], limit: want });
    for (const document of documents) {
      const fact = rule.fact(document as never, context, period);
      if (fact !== null) facts.push({ key: document._id, fact });
    }
    if (facts.length > page.first) return { facts: facts.slice(0, page.first), hasNextPage: true };
    if (documents.length < want) return { facts, hasNextPage: false };
    after = documents.at(-1)!._id;
  }
}

async function computedPage(context: KpiContext, rule: ComputedFacts, period: ReturnType<typeof periodOf>, page: Page) {
  const keyed = (await rule.facts(context, period))
    .map((fact) => ({ key: `${fact.stream}/${fact.id}`, fact }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = page.after ? keyed.filter((entry) => entry.key > page.after!) : keyed;
  return { facts: rest.slice(0, page.first), hasNextPage: rest.length > page.first };
}
