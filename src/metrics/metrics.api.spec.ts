import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../testing/api-harness';

const registerConsultant = `mutation ($input: RegisterConsultantInput!) { registerConsultant(input: $input) { status } }`;
const deactivateConsultant = `mutation ($input: DeactivateConsultantInput!) { deactivateConsultant(input: $input) { status } }`;
const consultant = { consultantId: 'co-metrics', name: 'Mia Metric', email: 'mia@example.com', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 18_000 };

async function scrape(api: TestApi): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${api.url}/metrics`);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The series' value, or undefined when the scrape does not have it. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Outcome counters follow the log asynchronously: scrape until the series shows up. */
async function scrapeUntil(api: TestApi, series: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { text } = await scrape(api);
    if (valueOf(text, series) !== undefined) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await scrape(api)).text;
}

describe('GET /metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts HTTP requests by route pattern and status, with their durations, in the Prometheus format', async () => {
    await api.graphql('{ projections { nodes { name } } }');
    await fetch(`${api.url}/no/such/path`);

    const { status, contentType, text } = await scrape(api);

    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(valueOf(text, 'zixly_http_requests_total{route="/graphql",method="POST",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'zixly_http_requests_total{route="unmatched",method="GET",status="404"}')).toBe(1);
    expect(valueOf(text, 'zixly_http_request_duration_seconds_count{route="/graphql",method="POST"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('counts commands by type and outcome, including rule violations', async () => {
    expect((await api.graphql(registerConsultant, { input: consultant })).body.errors).toBeUndefined();
    await api.graphql(registerConsultant, { input: consultant });
    await api.graphql(deactivateConsultant, { input: { consultantId: 'co-unknown' } });

    const { text } = await scrape(api);

    expect(valueOf(text, 'zixly_commands_total{type="RegisterConsultant",outcome="appended"}')).toBe(1);
    expect(valueOf(text, 'zixly_commands_total{type="RegisterConsultant",outcome="unchanged"}')).toBe(1);
    expect(valueOf(text, 'zixly_commands_total{type="DeactivateConsultant",outcome="rule"}')).toBe(1);
    expect(valueOf(text, 'zixly_command_duration_seconds_count{type="RegisterConsultant"}')).toBe(2);
  });

  it('reports each projection’s lag and failure state', async () => {
    const { text } = await scrape(api);

    expect(valueOf(text, 'zixly_projection_lag_events{projection="consultants"}')).toBe(0);
    expect(valueOf(text, 'zixly_projection_lag_seconds{projection="consultants"}')).toBe(0);
    expect(valueOf(text, 'zixly_projection_failed{projection="consultants"}')).toBe(0);
  });

  it('reports each reactor’s lag and whether it is failing', async () => {
    const { text } = await scrape(api);

    expect(valueOf(text, 'zixly_reactor_lag_events{reactor="webhook-worker"}')).toBe(0);
    expect(valueOf(text, 'zixly_reactor_failing{reactor="webhook-worker"}')).toBe(0);
    expect(valueOf(text, 'zixly_reactor_failing{reactor="api-key-index"}')).toBe(0);
  });

  it('counts workflow runs and webhook deliveries by outcome as they are recorded', async () => {
    const { commands } = api.app.services;
    const run = { runId: 'run-metrics-1', workflow: 'client_onboarding', trigger: { kind: 'schedule', schedule: 'test' }, manualMinutes: 5 } as const;
    await commands.execute({ type: 'StartWorkflowRun', data: run, occurredAt: '2026-03-02T00:00:00Z' }, { actor: 'test' });
    await commands.execute({ type: 'CompleteWorkflowRun', data: { runId: run.runId }, occurredAt: '2026-03-02T00:01:00Z' }, { actor: 'test' });
    await api.given('WebhookRejection-plane', [{ type: 'WebhookDeliveryRejected', data: { tool: 'plane', reason: 'bad_signature', receivedAt: '2026-03-02T00:00:00Z' } }]);
    await api.given('WebhookConflict-c1', [{ type: 'WebhookDeliveryConflicted', data: { tool: 'plane', deliveryId: 'd-1', dedupeKey: 'v2:e-1' } }]);

    const text = await scrapeUntil(api, 'zixly_webhook_deliveries_total{tool="plane",outcome="conflict"}');

    expect(valueOf(text, 'zixly_workflow_runs_total{workflow="client_onboarding",outcome="started"}')).toBe(1);
    expect(valueOf(text, 'zixly_workflow_runs_total{workflow="client_onboarding",outcome="succeeded"}')).toBe(1);
    expect(valueOf(text, 'zixly_webhook_deliveries_total{tool="plane",outcome="rejected"}')).toBe(1);
    expect(valueOf(text, 'zixly_webhook_deliveries_total{tool="plane",outcome="conflict"}')).toBe(1);
    expect(valueOf(text, 'zixly_webhook_backlog')).toBe(0);
  });
});
