import { errorCodesOf, graphqlCall } from '../support/graphql-call';
import { kpiAnswers } from '../support/kpi-answers';
import { sendDelivery } from '../support/webhook-sender';
import { webhookWorkload } from '../workload/webhook-workload';
import type { PlannedDelivery } from '../workload/workload.types';
import { type LoadTally, paced } from './load-tally';

export interface LoadTarget {
  readonly url: string;
  readonly key: string;
  readonly deadline: number;
}

const batchSize = 500;

/**
 * Signed deliveries from the generated workload, batch by batch, kept in `acknowledged` when the
 * product acknowledged them; every 25th goes unsigned and must get 401.
 */
export async function webhookLoad(target: LoadTarget, tally: LoadTally, perSecond: number, seed: number, acknowledged: PlannedDelivery[]): Promise<void> {
  let batch = webhookWorkload(batchSize, seed, 0).deliveries;
  await paced(target.deadline, 1_000_000, perSecond, async (count) => {
    if (count > 0 && count % batchSize === 0) batch = webhookWorkload(batchSize, seed + count, count).deliveries;
    const planned = batch[count % batchSize]!;
    if (count % 25 === 24) return unsigned(target, tally, planned.tool, planned.body);
    const outcome = await sendDelivery(target.url, planned);
    if (outcome.kind === 'acked') {
      tally.ok();
      acknowledged.push(planned);
    } else tally.failed(`${planned.label}: ${outcome.status} ${outcome.detail.slice(0, 200)}`);
  });
}

async function unsigned(target: LoadTarget, tally: LoadTally, tool: string, body: string): Promise<void> {
  const response = await fetch(`${target.url}/webhooks/${tool}`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  if (response.status === 401) tally.refused('unsigned webhook');
  else tally.failed(`unsigned ${tool} webhook answered ${response.status}`);
}

const payMutation = 'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }';
const issueMutation = 'mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { status } }';

/** An invoice of 100.00 issued, then paid in three parts of 40.00: the third overpays and must be refused. */
export async function mutationLoad(target: LoadTarget, tally: LoadTally, perSecond: number): Promise<void> {
  await paced(target.deadline, 1_000_000, perSecond, async (count) => {
    const invoiceId = `soak-invoice-${Math.floor(count / 4)}`;
    const step = count % 4;
    const input =
      step === 0
        ? { invoiceId, clientId: 'client-rel-1', number: `SOAK-${count}`, amountCents: 10_000, issuedOn: '2026-06-01', dueOn: '2026-06-15', kind: 'ONE_OFF' }
        : { invoiceId, paymentId: `${invoiceId}-p${step}`, amountCents: 4_000, paidOn: '2026-06-10' };
    const answer = await graphqlCall(target.url, target.key, step === 0 ? issueMutation : payMutation, { input });
    const rule = answer.errors?.[0]?.extensions?.rule;
    if (!answer.errors && answer.status === 200) tally.ok();
    else if (step === 3 && rule === 'invoice.overpayment') tally.refused('overpayment');
    else tally.failed(`mutation ${count}: ${answer.status} ${JSON.stringify(answer.errors)}`);
  });
}

/** The dashboards' KPI queries, as a screen refreshing them would. */
export async function dashboardLoad(target: LoadTarget, tally: LoadTally, perSecond: number): Promise<void> {
  await paced(target.deadline, 1_000_000, perSecond, async () => {
    try {
      await kpiAnswers(target.url, target.key);
      tally.ok();
    } catch (error) {
      tally.failed(`dashboards: ${String(error).slice(0, 300)}`);
    }
  });
}

/** Rebuilds one read model from the log while the load runs, and waits (bounded) for it to swap in. */
export async function rebuildDuringLoad(target: LoadTarget, tally: LoadTally, projection: string): Promise<void> {
  const started = await graphqlCall(target.url, target.key, 'mutation ($name: String!) { rebuildProjection(name: $name) { name } }', { name: projection });
  if (started.errors) return tally.failed(`rebuild: ${JSON.stringify(started.errors)}`);
  for (let poll = 0; poll < 1_200; poll++) {
    const answer = await graphqlCall(target.url, target.key, '{ projections(first: 200) { nodes { name rebuilding rebuildError state } } }');
    const status = answer.data?.projections.nodes.find((candidate: { name: string }) => candidate.name === projection);
    if (errorCodesOf(answer).length > 0 || status?.rebuildError) return tally.failed(`rebuild: ${JSON.stringify(answer.errors ?? status)}`);
    if (status && !status.rebuilding) return tally.ok();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  tally.failed('rebuild did not finish within 5 minutes');
}
