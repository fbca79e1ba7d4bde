import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';
import type { Role } from '../context';
import { workflowRunId } from '../../workflows/engine/run-ids';
import { FakeTools } from '../../testing/workflows/fake-tools';

const onboard = `mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { events { id type } } }`;
const runQuery = `query ($runId: ID!) { workflowRun(runId: $runId) { runId workflow status attempt manualMinutes trigger steps { step status externalId result reason } } }`;
const retry = `mutation ($runId: String!) { retryWorkflowRun(input: { runId: $runId }) { status events { type } } }`;
const recent = `query { workflowRuns(workflow: "client-onboarding", status: SKIPPED) { nodes { runId workflow status attempt lastError } } }`;

type Run = { status: string; attempt: number; manualMinutes: number; trigger: string; steps: Array<{ step: string; status: string; externalId: string | null; reason: string | null }> };

describe('workflow runs over GraphQL, with the engine running in the composed app', () => {
  let tools: FakeTools;
  let api: TestApi;
  const keys = new Map<Role, string>();

  async function execute<T>(query: string, variables: Record<string, unknown>, role: Role): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }> {
    if (!keys.has(role)) keys.set(role, (await api.keyWithRole(role)).secret);
    return (await api.graphql<T, Record<string, unknown>>(query, variables, { key: keys.get(role)! })).body;
  }
  let runId: string;
  let onboardedEventId: string;

  async function runWhen(done: (run: Run) => boolean): Promise<Run> {
    for (let tries = 0; tries < 200; tries++) {
      const response = await execute<{ workflowRun: Run | null }>(runQuery, { runId }, 'VIEWER');
      const run = response.data?.workflowRun;
      if (run && done(run)) return run;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`run ${runId} never reached the expected state`);
  }

  beforeAll(async () => {
    tools = await FakeTools.start();
    api = await TestApi.start({ ...tools.env(['mautic']), WORKFLOWS_ENABLED: 'true', WORKFLOW_HTTP_MAX_ATTEMPTS: '1', WORKFLOW_HTTP_TIMEOUT_MS: '2000' });
    tools.plane.server.failNext({ kind: 'respond', response: { status: 401, body: { detail: 'Given API token is not valid' } } });
    const input = { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Retail', contactEmail: 'ops@acme.test', currency: 'AUD' };
    const response = await execute<{ onboardClient: { events: Array<{ id: string }> } }>(onboard, { input }, 'EDITOR');
    onboardedEventId = response.data!.onboardClient.events[0]!.id;
    runId = workflowRunId(onboardedEventId, 'client-onboarding');
  });

  afterAll(async () => {
    await api?.stop();
    await tools?.close();
  });

  it('shows a failed run with the step that failed and the tool message', async () => {
    const run = await runWhen((candidate) => candidate.status === 'FAILED');
    expect(run).toMatchObject({ attempt: 1, manualMinutes: 120, trigger: onboardedEventId });
    expect(run.steps).toEqual([{ step: 'plane.project', status: 'FAILED', externalId: null, result: null, reason: 'Plane answered 401: Given API token is not valid' }]);
  });

  it('lets an editor, not a viewer, retry it; the engine runs it again to the end', async () => {
    await runWhen((candidate) => candidate.status === 'FAILED');
    const refused = await execute<unknown>(retry, { runId }, 'VIEWER');
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const accepted = await execute<{ retryWorkflowRun: { events: Array<{ type: string }> } }>(retry, { runId }, 'EDITOR');
    expect(accepted.data?.retryWorkflowRun.events).toEqual([{ type: 'WorkflowRunRetried' }]);
    const run = await runWhen((candidate) => candidate.status !== 'FAILED' && candidate.status !== 'RUNNING');
    expect(run).toMatchObject({ status: 'SKIPPED', attempt: 2 });
    expect(run.steps.find((step) => step.step === 'plane.project')).toMatchObject({ status: 'COMPLETED', externalId: tools.plane.projects[0]!.id });
    expect(run.steps.find((step) => step.step === 'mautic.contact')).toMatchObject({ status: 'SKIPPED', reason: 'Mautic is not configured (set MAUTIC_API_URL, MAUTIC_USERNAME, MAUTIC_PASSWORD)' });
    expect(tools.plane.projects).toHaveLength(1);
  });

  it('returns null for a run that does not exist', async () => {
    const response = await execute<{ workflowRun: Run | null }>(runQuery, { runId: workflowRunId('no-such-event', 'client-onboarding') }, 'VIEWER');
    expect(response.data?.workflowRun).toBeNull();
  });

  it('lists runs from the read model by workflow and status, newest first', async () => {
    await runWhen((candidate) => candidate.status === 'SKIPPED');
    for (let tries = 0; tries < 200; tries++) {
      const response = await execute<{ workflowRuns: { nodes: unknown[] } }>(recent, {}, 'VIEWER');
      if (response.data?.workflowRuns.nodes.length) {
        expect(response.data.workflowRuns.nodes).toEqual([{ runId, workflow: 'client-onboarding', status: 'SKIPPED', attempt: 2, lastError: 'Step plane.project failed: Plane answered 401: Given API token is not valid' }]);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the run never appeared in workflowRuns');
  });

  it('lists only runs when asked for every workflow and status (not the sums kept beside them)', async () => {
    await runWhen((candidate) => candidate.status === 'SKIPPED');
    for (let tries = 0; tries < 200; tries++) {
      const response = await execute<{ workflowRuns: { nodes: Array<{ runId: string }> } }>('query { workflowRuns(first: 50) { nodes { runId workflow status } } }', {}, 'VIEWER');
      expect(response.errors).toBeUndefined();
      if (response.data?.workflowRuns.nodes.some((listed) => listed.runId === runId)) {
        expect(response.data.workflowRuns.nodes).toEqual([{ runId, workflow: 'client-onboarding', status: 'SKIPPED' }]);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the run never appeared in workflowRuns');
  });
});
