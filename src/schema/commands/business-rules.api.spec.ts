import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';

const onboard = 'mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }';
const register = 'mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input) { status } }';
const start = 'mutation ($input: StartProjectInput!) { startProject(input: $input) { status } }';
const logHours = 'mutation ($input: LogHoursInput!, $key: String) { logHours(input: $input, idempotencyKey: $key, waitForProjections: true) { status replayed } }';

const project = (projectId: string) => ({ projectId, clientId: 'c-rules', tier: 'STARTER', name: projectId, budgetHours: 0, budgetAmountCents: 0, startedOn: '2026-05-01', dueOn: '2026-12-31' });
const hours = (entryId: string, projectId: string, hoursWorked: number) => ({ entryId, projectId, consultantId: 'k-rules', workDate: '2026-05-12', hours: hoursWorked, billable: true });

describe('business rules over the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    await api.graphql(onboard, { input: { clientId: 'c-rules', name: 'Rules', tier: 'STARTER', industry: 'Test' } });
    await api.graphql(register, { input: { consultantId: 'k-rules', name: 'Kim', email: 'kim@rules.test', weeklyCapacityHours: 38, costRateCents: 5_000, billRateCents: 10_000 } });
    await api.graphql(start, { input: project('p-rules-a') });
    await api.graphql(start, { input: project('p-rules-b') });
  });
  afterAll(() => api.stop());

  it('refuses a consultant’s hours past 24 on one work date across two projects', async () => {
    const first = await api.graphql<any, object>(logHours, { input: hours('e-a', 'p-rules-a', 20) });
    const second = await api.graphql<any, object>(logHours, { input: hours('e-b', 'p-rules-b', 20) });

    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'time_entry.day_over_24_hours' });
  });

  it('refuses an idempotency key reused for another command with CONFLICT, and replays it for the same one', async () => {
    const input = hours('e-key', 'p-rules-a', 1);
    await api.graphql(logHours, { input, key: 'key-rules' });

    const retried = await api.graphql<any, object>(logHours, { input, key: 'key-rules' });
    const reused = await api.graphql<any, object>(logHours, { input: { ...input, hours: 2 }, key: 'key-rules' });

    expect(retried.body.data.logHours).toEqual({ status: 'APPENDED', replayed: true });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'idempotency_key_reuse' });
  });
});
