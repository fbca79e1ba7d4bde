import { randomUUID } from 'node:crypto';
import type { ProbeOutcome, ProbeTarget } from '../probe';

export type Role = keyof ProbeTarget['keys'];

export interface GraphQLAnswer {
  readonly status: number;
  readonly data: Record<string, any> | null;
  readonly errors: ReadonlyArray<{ message: string; extensions?: { code?: string; reason?: string } }>;
}

/** One GraphQL request with the role's key, as a client sends it. */
export async function gql(target: ProbeTarget, role: Role, query: string, variables: object = {}): Promise<GraphQLAnswer> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.keys[role]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Record<string, any> | null; errors?: GraphQLAnswer['errors'] };
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

/** Unique ids per probe run, so probes can run in any order and more than once against one app. */
export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Today and days from it as calendar dates (UTC). */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Refused when the first error carries `code` and (when given) `reason`; an internal error, another
 * error or no error at all is a failed probe, naming what came back.
 */
export function expectRefusal(answer: GraphQLAnswer, code: string, reason?: string): ProbeOutcome {
  const [error] = answer.errors;
  if (!error) return { kind: 'failed', detail: `accepted: ${JSON.stringify(answer.data).slice(0, 200)}` };
  const got = `${error.extensions?.code} ${error.extensions?.reason ?? ''}`.trim();
  if (error.extensions?.code === code && (reason === undefined || error.extensions?.reason === reason)) return { kind: 'refused', detail: `${got}: ${error.message}` };
  return { kind: 'failed', detail: `expected ${code}${reason ? ` ${reason}` : ''}, got ${got}: ${error.message}` };
}

export const mutations = {
  onboardClient: 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }',
  registerConsultant: 'mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input) { status } }',
  startProject: 'mutation ($input: StartProjectInput!) { startProject(input: $input) { status } }',
  logHours: 'mutation ($input: LogHoursInput!, $key: String) { logHours(input: $input, idempotencyKey: $key) { status replayed } }',
  issueInvoice: 'mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { status } }',
  recordPayment: 'mutation ($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { status replayed } }',
  openTicket: 'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { status } }',
} as const;

export interface DomainFixture {
  readonly clientId: string;
  readonly consultantId: string;
  readonly projectId: string;
  readonly invoiceId: string;
  /** The project started on it, the invoice was issued on it. */
  readonly startedOn: string;
}

/** A client, a consultant, a project started 30 days ago and an invoice issued 10 days ago, all through the API. */
export async function domainFixture(target: ProbeTarget): Promise<DomainFixture> {
  const clientId = uniqueId('probe-client');
  const consultantId = uniqueId('probe-consultant');
  const projectId = uniqueId('probe-project');
  const invoiceId = uniqueId('probe-invoice');
  const startedOn = dayFromToday(-30);
  const steps: Array<[string, object]> = [
    [mutations.onboardClient, { clientId, name: clientId, tier: 'STARTER', industry: 'Probing' }],
    [mutations.registerConsultant, { consultantId, name: 'Probe', email: `${consultantId}@probe.test`, weeklyCapacityHours: 38, costRateCents: 5_000, billRateCents: 12_000 }],
    [mutations.startProject, { projectId, clientId, tier: 'STARTER', name: 'Probe', budgetHours: 100, budgetAmountCents: 0, startedOn, dueOn: dayFromToday(60) }],
    [mutations.issueInvoice, { invoiceId, clientId, number: invoiceId, amountCents: 100_000, issuedOn: dayFromToday(-10), dueOn: dayFromToday(20), kind: 'ONE_OFF' }],
  ];
  for (const [query, input] of steps) {
    const answer = await gql(target, 'EDITOR', query, { input });
    if (answer.errors.length > 0) throw new Error(`fixture step failed: ${answer.errors[0]!.message}`);
  }
  return { clientId, consultantId, projectId, invoiceId, startedOn };
}

export const hoursOf = (fixture: DomainFixture, overrides: object = {}) => ({
  projectId: fixture.projectId,
  entryId: uniqueId('entry'),
  consultantId: fixture.consultantId,
  workDate: dayFromToday(-3),
  hours: 2,
  billable: true,
  ...overrides,
});
