import type { Period, ResolvedPeriod } from '../../core/business-time';
import { ValidationError } from '../../core/errors';
import type { ReadDocument } from '../../core/read-store.port';
import { type KpiContext, periodOf, positionOf } from '../shared/kpi';
import { compositeFacts } from './composite.fact-rules';
import { deliveryFacts } from './delivery.fact-rules';
import { financialFacts } from './financial.fact-rules';
import type { ComputedPart, FactPart, FactRule, KpiFact, ScannedPart } from './kpi-fact';
import type { FactCombination } from './kpi-fact';
import { operationsFacts, salesFacts } from './sales-operations.fact-rules';
import { supportFacts } from './support.fact-rules';

export type { FactCombination, KpiFact } from './kpi-fact';

/** Every KPI whose value can be taken apart into the facts behind it, by its `SeriesKpi` name. */
export const factRules = { ...deliveryFacts, ...financialFacts, ...supportFacts, ...salesFacts, ...operationsFacts, ...compositeFacts } as const satisfies Record<string, FactRule>;

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
 * The facts behind a KPI value over a period, part after part and in key order within a part, a
 * page at a time after the key `after`: every entity its rule looked at, counted or excluded and
 * why. The counted facts of all pages, put together by `combination`, give the KPI's value.
 */
export async function kpiFacts(context: KpiContext, kpi: FactKpi, period: Period, page: Page): Promise<KpiFactsPage> {
  const rule: FactRule = factRules[kpi];
  const resolved = periodOf(context, period);
  const cursor = page.after ? cursorOf(page.after) : { part: 0, key: null };
  const facts: Array<{ key: string; fact: KpiFact }> = [];
  let hasNextPage = false;
  for (let part = cursor.part; part < rule.parts.length; part++) {
    if (facts.length === page.first) {
      hasNextPage = await partHasFacts(context, rule.parts.slice(part), resolved);
      break;
    }
    const found = await partPage(context, rule.parts[part]!, resolved, { first: page.first - facts.length, after: part === cursor.part ? cursor.key : null });
    facts.push(...found.facts.map(({ key, fact }) => ({ key: `${part}:${key}`, fact })));
    if (found.hasNextPage) {
      hasNextPage = true;
      break;
    }
  }
  const collections = [...new Set(rule.parts.flatMap((part) => (part.kind === 'scan' ? [part.collection] : part.collections)))];
  return { facts, hasNextPage, combination: rule.combination, position: await positionOf(context.reads, collections) };
}

/** A page key is `<part>:<key within the part>`; anything else is not a key this query gave. */
function cursorOf(after: string): { part: number; key: string } {
  const match = /^(\d+):(.+)$/s.exec(after);
  if (!match) throw new ValidationError('page.invalid_cursor', 'The cursor is malformed', { field: 'after' });
  return { part: Number(match[1]), key: match[2]! };
}

async function partHasFacts(context: KpiContext, parts: readonly FactPart[], period: ResolvedPeriod): Promise<boolean> {
  for (const part of parts) if ((await partPage(context, part, period, { first: 1, after: null })).facts.length > 0) return true;
  return false;
}

function partPage(context: KpiContext, part: FactPart, period: ResolvedPeriod, page: Page): Promise<{ facts: Array<{ key: string; fact: KpiFact }>; hasNextPage: boolean }> {
  return part.kind === 'scan' ? scan(context, part, period, page) : computedPage(context, part, period, page);
}

/** Reads documents in `_id` order until a page of facts is full: documents the rule passes over (null) cost a read, not a slot. */
async function scan(context: KpiContext, part: ScannedPart<never>, period: ResolvedPeriod, page: Page) {
  const facts: Array<{ key: string; fact: KpiFact }> = [];
  let after = page.after ?? null;
  for (;;) {
    const filter = { ...part.filter(period), ...(after ? { _id: { $gt: after } } : {}) };
    const want = page.first + 1 - facts.length;
    const { documents } = await context.reads.find<ReadDocument>(part.collection, { filter, sort: [['_id', 1]], limit: want });
    for (const document of documents) {
      const fact = part.fact(document as never, context, period);
      if (fact !== null) facts.push({ key: document._id, fact });
    }
    if (facts.length > page.first) return { facts: facts.slice(0, page.first), hasNextPage: true };
    if (documents.length < want) return { facts, hasNextPage: false };
    after = documents.at(-1)!._id;
  }
}

async function computedPage(context: KpiContext, part: ComputedPart, period: ResolvedPeriod, page: Page) {
  const keyed = (await part.facts(context, period))
    .map((fact) => ({ key: `${fact.stream}/${fact.id}`, fact }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = page.after ? keyed.filter((entry) => entry.key > page.after!) : keyed;
  return { facts: rest.slice(0, page.first), hasNextPage: rest.length > page.first };
}
