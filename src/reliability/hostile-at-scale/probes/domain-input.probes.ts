import type { Probe, ProbeOutcome, ProbeTarget } from '../probe';
import { dayFromToday, domainFixture, expectRefusal, gql, hoursOf, mutations, uniqueId } from './probe-calls';

/** A probe of the bookkeeping rules and input checks: what a careless client or a buggy integration sends. */
const domainProbe = (name: string, run: (target: ProbeTarget) => Promise<ProbeOutcome>): Probe => ({ class: 'domain-input', name, run });

const logHours = (target: ProbeTarget, input: object, key?: string) => gql(target, 'EDITOR', mutations.logHours, { input, ...(key ? { key } : {}) });

export const probes: readonly Probe[] = [
  domainProbe('three 20-hour entries for one consultant on one work date', async (target) => {
    const fixture = await domainFixture(target);
    const workDate = dayFromToday(-2);
    for (let entry = 0; entry < 2; entry++) {
      const answer = await logHours(target, hoursOf(fixture, { workDate, hours: 12 }));
      if (answer.errors.length > 0) return { kind: 'failed', detail: `a legitimate 12-hour entry was refused: ${answer.errors[0]!.message}` };
    }
    return expectRefusal(await logHours(target, hoursOf(fixture, { workDate, hours: 20 })), 'RULE_VIOLATION', 'time_entry.day_over_24_hours');
  }),

  domainProbe('20 hours on each of two projects for one consultant on one work date', async (target) => {
    const fixture = await domainFixture(target);
    const other = uniqueId('probe-project');
    await gql(target, 'EDITOR', mutations.startProject, { input: { projectId: other, clientId: fixture.clientId, tier: 'STARTER', name: 'Other', budgetHours: 0, budgetAmountCents: 0, startedOn: fixture.startedOn, dueOn: dayFromToday(60) } });
    const workDate = dayFromToday(-4);
    const first = await gql(target, 'EDITOR', 'mutation ($input: LogHoursInput!) { logHours(input: $input, waitForProjections: true) { status } }', { input: hoursOf(fixture, { workDate, hours: 20 }) });
    if (first.errors.length > 0) return { kind: 'failed', detail: `the first 20 hours were refused: ${first.errors[0]!.message}` };
    return expectRefusal(await logHours(target, hoursOf(fixture, { projectId: other, workDate, hours: 20 })), 'RULE_VIOLATION', 'time_entry.day_over_24_hours');
  }),

  domainProbe('hours dated in year 9999', async (target) => {
    const fixture = await domainFixture(target);
    return expectRefusal(await logHours(target, hoursOf(fixture, { workDate: '9999-01-01' })), 'BAD_USER_INPUT', 'input.date_out_of_range');
  }),

  domainProbe('hours dated a few days in the future', async (target) => {
    const fixture = await domainFixture(target);
    return expectRefusal(await logHours(target, hoursOf(fixture, { workDate: dayFromToday(3) })), 'RULE_VIOLATION', 'time_entry.work_date_in_future');
  }),

  domainProbe('hours dated before the project started', async (target) => {
    const fixture = await domainFixture(target);
    return expectRefusal(await logHours(target, hoursOf(fixture, { workDate: dayFromToday(-40) })), 'RULE_VIOLATION', 'time_entry.before_project_start');
  }),

  domainProbe('a work date that does not exist (2026-02-31)', async (target) => {
    const fixture = await domainFixture(target);
    return expectRefusal(await logHours(target, hoursOf(fixture, { workDate: '2026-02-31' })), 'BAD_USER_INPUT');
  }),

  domainProbe('an invoice for a client that does not exist', async (target) => {
    const input = { invoiceId: uniqueId('ghost-invoice'), clientId: uniqueId('ghost-client'), number: 'G-1', amountCents: 990_000, issuedOn: dayFromToday(-1), dueOn: dayFromToday(29), kind: 'ONE_OFF' };
    return expectRefusal(await gql(target, 'EDITOR', mutations.issueInvoice, { input }), 'RULE_VIOLATION', 'client.unknown');
  }),

  domainProbe('a ticket for a client that does not exist', async (target) => {
    const input = { ticketId: uniqueId('ghost-ticket'), clientId: uniqueId('ghost-client'), channel: 'EMAIL', priority: 'LOW', subject: 'Hello' };
    return expectRefusal(await gql(target, 'EDITOR', mutations.openTicket, { input }), 'RULE_VIOLATION', 'client.unknown');
  }),

  domainProbe('a payment dated before its invoice', async (target) => {
    const fixture = await domainFixture(target);
    const input = { invoiceId: fixture.invoiceId, paymentId: uniqueId('pay'), amountCents: 1_000, paidOn: dayFromToday(-20) };
    return expectRefusal(await gql(target, 'EDITOR', mutations.recordPayment, { input }), 'RULE_VIOLATION', 'payment.before_invoice');
  }),

  domainProbe('an invoice issued on 2026-13-01', async (target) => {
    const fixture = await domainFixture(target);
    const input = { invoiceId: uniqueId('inv'), clientId: fixture.clientId, number: 'X-1', amountCents: 1_000, issuedOn: '2026-13-01', dueOn: dayFromToday(20), kind: 'ONE_OFF' };
    return expectRefusal(await gql(target, 'EDITOR', mutations.issueInvoice, { input }), 'BAD_USER_INPUT');
  }),

  domainProbe('an idempotency key reused for a different command', async (target) => {
    const fixture = await domainFixture(target);
    const key = uniqueId('key');
    const first = await logHours(target, hoursOf(fixture), key);
    if (first.errors.length > 0) return { kind: 'failed', detail: `the first command was refused: ${first.errors[0]!.message}` };
    return expectRefusal(await logHours(target, hoursOf(fixture, { hours: 7 }), key), 'CONFLICT', 'idempotency_key_reuse');
  }),

  domainProbe('an idempotency key retried with the same command is replayed', async (target) => {
    const fixture = await domainFixture(target);
    const key = uniqueId('key');
    const input = hoursOf(fixture);
    await logHours(target, input, key);
    const retried = await logHours(target, input, key);
    if (retried.errors.length > 0) return { kind: 'failed', detail: `a retry was refused: ${retried.errors[0]!.message}` };
    return retried.data?.logHours?.replayed === true ? { kind: 'served', detail: 'replayed: true' } : { kind: 'failed', detail: `not replayed: ${JSON.stringify(retried.data)}` };
  }),

  domainProbe('an entry id reused with a new amount of hours', async (target) => {
    const fixture = await domainFixture(target);
    const input = hoursOf(fixture);
    await logHours(target, input);
    return expectRefusal(await logHours(target, { ...input, hours: 9 }), 'RULE_VIOLATION', 'time_entry.exists_with_other_facts');
  }),

  domainProbe('a payment id reused with a new amount', async (target) => {
    const fixture = await domainFixture(target);
    const input = { invoiceId: fixture.invoiceId, paymentId: uniqueId('pay'), amountCents: 1_000, paidOn: dayFromToday(-1) };
    await gql(target, 'EDITOR', mutations.recordPayment, { input });
    return expectRefusal(await gql(target, 'EDITOR', mutations.recordPayment, { input: { ...input, amountCents: 50_000 } }), 'RULE_VIOLATION', 'payment.exists_with_other_facts');
  }),

  domainProbe('a command dated in 1900', async (target) => {
    const input = { clientId: uniqueId('old-client'), name: 'Old', tier: 'STARTER', industry: 'History' };
    const answer = await gql(target, 'EDITOR', 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input, occurredAt: "1900-01-01T00:00:00Z") { status } }', { input });
    return expectRefusal(answer, 'BAD_USER_INPUT', 'input.date_out_of_range');
  }),

  domainProbe('a bad cursor on the event log', async (target) => expectRefusal(await gql(target, 'VIEWER', '{ events(after: "not-a-position") { nodes { id } } }'), 'BAD_USER_INPUT')),

  domainProbe('a forged cursor on a read-model page', async (target) => expectRefusal(await gql(target, 'VIEWER', '{ invoices(after: "eyJub3QiOiJhIGN1cnNvciJ9") { nodes { clientId } } }'), 'BAD_USER_INPUT')),

  domainProbe('a bad cursor on a stream', async (target) => expectRefusal(await gql(target, 'VIEWER', '{ stream(name: "Invoice-1", after: "-5") { nodes { id } } }'), 'BAD_USER_INPUT')),

  domainProbe('a dashboard asked as of an instant that does not exist', async (target) =>
    expectRefusal(
      await gql(target, 'VIEWER', 'query ($at: DateTime) { financialDashboard(period: { from: "2026-03-01", to: "2026-03-31" }, asOf: $at) { revenue { eventCount } } }', { at: '2026-02-31T00:00:00Z' }),
      'BAD_USER_INPUT',
    )),

  domainProbe('a dashboard period on a date that does not exist', async (target) =>
    expectRefusal(await gql(target, 'VIEWER', '{ financialDashboard(period: { from: "2026-02-31", to: "2026-03-31" }) { revenue { eventCount } } }'), 'BAD_USER_INPUT')),

  domainProbe('a dashboard period that ends before it starts', async (target) =>
    expectRefusal(await gql(target, 'VIEWER', '{ financialDashboard(period: { from: "2026-03-31", to: "2026-03-01" }) { revenue { eventCount } } }'), 'BAD_USER_INPUT')),
];
