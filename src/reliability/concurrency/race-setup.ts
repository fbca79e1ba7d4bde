import { graphqlData } from '../support/graphql-call';
import type { SeededRandom } from '../../demo/seeded-random';
import type { RaceEntrant } from './mutation-race';

export const raceClient = { clientId: 'client-race', name: 'Race Pty Ltd', industry: 'Retail', tier: 'STARTER' };
export const raceInvoice = { invoiceId: 'invoice-race', clientId: raceClient.clientId, number: 'RACE-1', amountCents: 15_000, issuedOn: '2026-05-04', dueOn: '2026-05-18', kind: 'ONE_OFF' };
export const raceProject = { projectId: 'project-race', clientId: raceClient.clientId, name: 'Race site', tier: 'STARTER', startedOn: '2026-05-01', dueOn: '2026-07-01', budgetHours: 0, budgetAmountCents: 0 };
export const raceConsultant = { consultantId: 'consultant-race', name: 'Robin Race', email: 'robin@zixly.example', billRateCents: 15_000, costRateCents: 6_000, weeklyCapacityHours: 38 };

/** The client, its invoice, its project and a consultant, through the API. */
export async function setUpRace(url: string, key: string): Promise<void> {
  await graphqlData(url, key, 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }', { input: raceClient });
  await graphqlData(url, key, 'mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { status } }', { input: raceInvoice });
  await graphqlData(url, key, 'mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input) { status } }', { input: raceConsultant });
  await graphqlData(url, key, 'mutation ($input: StartProjectInput!) { startProject(input: $input) { status } }', { input: raceProject });
}

/** 100 payments of 1.00 to 4.00 on one invoice of 150.00: about half fit. */
export function paymentEntrants(count: number, random: SeededRandom): Array<RaceEntrant & { readonly amountCents: number }> {
  return Array.from({ length: count }, (_, index) => {
    const amountCents = random.int(100, 400);
    const input = { invoiceId: raceInvoice.invoiceId, paymentId: `payment-race-${index}`, amountCents, paidOn: '2026-05-10' };
    return { id: input.paymentId, amountCents, query: 'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }', variables: { input } };
  });
}

/**
 * `count` time entries of 0.25 to 2 hours, spread over the project's first 19 days (a consultant
 * logs at most 24 h a day), with the project completed by the entrant at `completeAt`.
 */
export function hoursEntrants(count: number, completeAt: number, random: SeededRandom): Array<RaceEntrant & { readonly hours: number }> {
  const entrants: Array<RaceEntrant & { readonly hours: number }> = Array.from({ length: count }, (_, index) => {
    const hours = random.int(1, 8) / 4;
    const input = { entryId: `entry-race-${index}`, projectId: raceProject.projectId, consultantId: raceConsultant.consultantId, workDate: `2026-05-${String(1 + (index % 19)).padStart(2, '0')}`, hours, billable: true };
    return { id: input.entryId, hours, query: 'mutation ($input: LogHoursInput!) { logHours(input: $input) { status } }', variables: { input } };
  });
  const complete = { id: 'complete-project', hours: 0, query: 'mutation ($input: CompleteProjectInput!) { completeProject(input: $input) { status } }', variables: { input: { projectId: raceProject.projectId, completedOn: '2026-05-20' } } };
  entrants.splice(completeAt, 0, complete);
  return entrants;
}
