import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../cli/commands/demo-seed.command';
import { collect } from '../../core/event-store.port';
import { WorkflowHarness } from '../../testing/workflows/workflow-harness';

let harness: WorkflowHarness;
afterEach(() => harness?.close());

const toolCalls = () => {
  const { plane, nextcloud, mautic, invoiceNinja, slack } = harness.tools;
  return [plane, nextcloud, mautic, invoiceNinja, slack].reduce((total, tool) => total + tool.server.requests.length, 0);
};

/** Runs the engine started (the demo history carries generated runs of its own, stamped as seed). */
const engineRuns = async () => (await collect(harness.store.readAll({ types: ['WorkflowRunStarted'] }))).filter((event) => event.metadata.origin === undefined);

/** `zixly demo seed` as the CLI runs it, on the harness's own files, while its engine runs. */
async function seedNextToTheEngine(options: Record<string, string>): Promise<number> {
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  stderr.resume();
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: { NODE_ENV: 'test', DATA_DIR: harness.dataDirectory } };
  return seedDemo({ args: [], options }, io);
}

describe('side effects only for the present', () => {
  it('calls no tool for two years of demo history seeded next to a running engine, then acts on a live fact', async () => {
    // Given the engine running with every tool configured, its clock at the end of the history to come
    harness = await WorkflowHarness.open({ now: '2026-03-02T00:00:00.000Z' });

    // When two years of demo history are seeded into its store, ending on the engine's day
    expect(await seedNextToTheEngine({ years: '2', consultants: '1', 'start-date': '2024-03-03' })).toBe(0);
    await harness.tick();

    // Then the history holds clients and tickets (and the demo's own past workflow runs), yet the engine ran nothing and called no tool
    expect((await collect(harness.store.readAll({ types: ['ClientOnboarded', 'TicketOpened'] }))).length).toBeGreaterThan(10);
    expect(await engineRuns()).toEqual([]);
    expect(toolCalls()).toBe(0);

    // And a client onboarded live now is set up in the tools
    await harness.execute({ type: 'OnboardClient', data: { clientId: 'c-live', name: 'Live Pty Ltd', tier: 'STARTER', industry: 'Retail', contactEmail: 'ops@live.test', currency: 'AUD' } });
    await harness.settle();
    expect(harness.tools.plane.projects).toHaveLength(1);
    expect(toolCalls()).toBeGreaterThan(0);
    expect((await engineRuns()).map((event) => (event.data as { workflow: string }).workflow)).toEqual(['client-onboarding']);
  }, 180_000);

  it('acts on no fact that happened longer ago than WORKFLOW_MAX_FACT_AGE_HOURS, live or not', async () => {
    harness = await WorkflowHarness.open({ now: '2026-03-02T00:00:00.000Z', env: { WORKFLOW_MAX_FACT_AGE_HOURS: '72' } });

    await harness.execute({ type: 'OnboardClient', occurredAt: '2026-02-20T00:00:00.000Z', data: { clientId: 'c-old', name: 'Old Pty Ltd', tier: 'STARTER', industry: 'Retail', currency: 'AUD' } });
    await harness.settle();

    expect(await engineRuns()).toEqual([]);
    expect(toolCalls()).toBe(0);
  });
});
