/**
 * What may differ between processing the same deliveries in two orders, taken out of the
 * comparison so it still catches every other difference. All of it is inherent to a log that keeps
 * facts in the order they were recorded:
 *
 * - each payment records the balance it left as recorded, the payment that completes an invoice is
 *   the one recorded last, and an invoice lists payments as recorded;
 * - a capture dated earlier than a lead's recorded capture and recorded after it backdates it
 *   (finding F2, fixed): read as if the earliest capture had been recorded first. The backdates
 *   also count among the events that fed the lead's document (`_events`) and the leads KPI
 *   (`eventCount`); they are taken out of those counts, everything else is compared as it is.
 */
import { instantInPeriod, type ResolvedPeriod } from '../../core/business-time';
import { unmatchedLines } from '../support/domain-events';
import { differingKpis } from '../support/kpi-answers';
import { canonicalJson, divergingDocuments } from '../support/read-model-snapshot';

type Json = any;

/** One product's business facts (lines), read-model documents (bookkeeping aside) and KPI answers over `period`. */
export interface RunResult {
  readonly facts: readonly string[];
  readonly documents: Record<string, Record<string, Json>>;
  readonly kpis: Record<string, Json>;
}

/** Facts, documents and KPIs that differ between two runs, arrival order aside. */
export function differences(left: RunResult, right: RunResult, period: ResolvedPeriod): { facts: string[]; documents: string[]; kpis: string[] } {
  const [a, b] = [normalised(left, period), normalised(right, period)];
  return { facts: unmatchedLines(a.facts, b.facts), documents: divergingDocuments(a.documents, b.documents), kpis: differingKpis(a.kpis, b.kpis) };
}

function normalised(run: RunResult, period: ResolvedPeriod): RunResult {
  const backdates = backdatesPerLead(run.facts);
  return { facts: normalisedFacts(run.facts), documents: normalisedDocuments(run.documents, backdates), kpis: normalisedKpis(run, backdates, period) };
}

function normalisedFacts(lines: readonly string[]): string[] {
  return earliestCaptureFirst(lines.map((line) => JSON.parse(line))).map((fact) => canonicalJson(factSteps[fact.type]?.(fact) ?? fact));
}

function normalisedDocuments(documents: RunResult['documents'], backdates: ReadonlyMap<string, number>): RunResult['documents'] {
  return Object.fromEntries(
    Object.entries(documents).map(([name, byId]) => {
      const step = documentSteps[name];
      return [name, step ? Object.fromEntries(Object.entries(byId).map(([id, document]) => [id, step(document, backdates)])) : byId];
    }),
  );
}

/** `leadsBySource` counts the events that fed the leads captured in the period, backdates included. */
function normalisedKpis({ kpis, documents }: RunResult, backdates: ReadonlyMap<string, number>, period: ResolvedPeriod): RunResult['kpis'] {
  const leadsBySource = kpis.salesPipelineDashboard?.leadsBySource;
  if (!leadsBySource) return kpis;
  const inPeriod = Object.values(documents.leads ?? {}).filter((lead) => instantInPeriod(lead.capturedAt, period));
  const eventCount = leadsBySource.eventCount - inPeriod.reduce((count, lead) => count + (backdates.get(lead.leadId) ?? 0), 0);
  return { ...kpis, salesPipelineDashboard: { ...kpis.salesPipelineDashboard, leadsBySource: { ...leadsBySource, eventCount } } };
}

const factSteps: Readonly<Record<string, (fact: Json) => Json>> = {
  PaymentReceived: (fact) => ({ ...fact, data: { ...fact.data, balanceCents: 'as recorded' } }),
  InvoicePaid: (fact) => ({ ...fact, occurredAt: 'as recorded', source: 'as recorded' }),
};

const byPaymentId = (a: Json, b: Json) => (a.paymentId < b.paymentId ? -1 : 1);

const documentSteps: Readonly<Record<string, (document: Json, backdates: ReadonlyMap<string, number>) => Json>> = {
  invoices: (invoice) => ({ ...invoice, payments: [...invoice.payments].sort(byPaymentId) }),
  // The same invoices folded again beside their sums (the sums themselves do not depend on the order).
  invoice_sums: (document) => ('_sum' in document ? document : { ...document, payments: [...document.payments].sort(byPaymentId) }),
  leads: (lead, backdates) => ({ ...lead, _events: lead._events - (backdates.get(lead.leadId) ?? 0) }),
};

function backdatesPerLead(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const fact = JSON.parse(line) as Json;
    if (fact.type === 'LeadCaptureBackdated') counts.set(fact.data.leadId, (counts.get(fact.data.leadId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Each `LeadCaptured` takes the time and source of the earliest `LeadCaptureBackdated` of its
 * stream, and the backdates it takes in are dropped: only those earlier than the capture, one per
 * instant. Any other backdate (a repeat, one later than the capture) stays, to show as a difference.
 */
function earliestCaptureFirst(facts: readonly Json[]): Json[] {
  const captures = new Map(facts.filter((fact) => fact.type === 'LeadCaptured').map((fact) => [fact.stream as string, fact]));
  const earliest = new Map<string, Json>();
  const foldedIn = new Set<Json>();
  const instants = new Set<string>();
  for (const fact of facts) {
    const capture = captures.get(fact.stream);
    const instant = `${fact.stream} ${fact.data?.capturedAt}`;
    if (fact.type !== 'LeadCaptureBackdated' || !capture || fact.data.capturedAt >= capture.data.capturedAt || instants.has(instant)) continue;
    instants.add(instant);
    foldedIn.add(fact);
    if (!earliest.has(fact.stream) || fact.data.capturedAt < earliest.get(fact.stream).data.capturedAt) earliest.set(fact.stream, fact);
  }
  return facts.flatMap((fact) => {
    if (foldedIn.has(fact)) return [];
    const backdate = fact.type === 'LeadCaptured' ? earliest.get(fact.stream) : undefined;
    if (!backdate) return [fact];
    return [{ ...fact, data: { ...fact.data, capturedAt: backdate.data.capturedAt }, occurredAt: backdate.occurredAt, source: backdate.source }];
  });
}
