import { afterEach, describe, expect, it } from 'vitest';
import { WorkflowHarness, type HarnessOptions } from '../../testing/workflows/workflow-harness';
import { weeklyFinancialReportName } from './weekly-financial-report.workflow';
import { weeklyTimeReportName } from './weekly-time-report.workflow';

const brisbane = (local: string) => `${local}+10:00`;
const money = { currency: 'AUD' };
const timeReportPath = 'Clients/Acme/Reports/time-report-2026-03-02.md';
const financialReportPath = 'Reports/Financial/financial-report-2026-03-02.md';

let harness: WorkflowHarness;
afterEach(() => harness?.close());

/** A week of work for one client: 6.5 h by Kim on the automation project, invoiced and partly paid. */
async function weekOfWork(options: HarnessOptions = {}): Promise<void> {
  harness = await WorkflowHarness.open({ now: brisbane('2026-03-01T12:00:00'), ...options });
  const run = (type: string, data: object) => harness.execute({ type: type as never, data });
  await run('RegisterConsultant', { consultantId: 'k-1', name: 'Kim Nguyen', email: 'kim@zixly.test', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000, ...money });
  await run('OnboardClient', { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Retail', contactEmail: 'ops@acme.test', ...money });
  harness.clock.set(brisbane('2026-03-03T17:00:00'));
  await run('StartProject', { projectId: 'p-1', clientId: 'c-1', tier: 'STARTER', name: 'Ops automation', budgetHours: 20, budgetAmountCents: 300_000, startedOn: '2026-03-02', dueOn: '2026-04-30', ...money });
  await run('LogHours', { projectId: 'p-1', entryId: 'e-1', consultantId: 'k-1', workDate: '2026-03-03', hours: 6.5, billable: true });
  await run('IssueInvoice', { invoiceId: 'i-1', clientId: 'c-1', projectId: 'p-1', number: 'INV-001', amountCents: 450_000, issuedOn: '2026-03-04', dueOn: '2026-03-18', kind: 'ONE_OFF', ...money });
  await run('RecordPayment', { invoiceId: 'i-1', paymentId: 'pay-1', amountCents: 150_000, paidOn: '2026-03-05', ...money });
  await harness.settle();
}

const scheduledRun = (workflow: string, at: string) => harness.runOf(`${workflow}@${new Date(at).toISOString()}`, workflow);

describe('weekly time report workflow', () => {
  it("uploads each active client's week to its Reports folder on Monday 08:00", async () => {
    await weekOfWork();
    harness.clock.set(brisbane('2026-03-09T08:00:00'));
    await harness.tick();
    const report = harness.tools.nextcloud.nodes.get(timeReportPath)!;
    expect(report).toContain('# Time report: Acme');
    expect(report).toContain('| Ops automation | 6.50 h |');
    expect(report).toContain('| Kim Nguyen | 6.50 h |');
    expect(report).toContain('| Ops automation | 6.50 h | 20.00 h | 32.5 % | 13.0 % |');
    expect(report).toContain('| Ops automation | AUD 4,500.00 | AUD 390.00 | 91.3 % |');
    expect((await scheduledRun(weeklyTimeReportName, brisbane('2026-03-09T08:00:00'))).run).toMatchObject({ status: 'succeeded', manualMinutes: 60 });
  });

  it('runs once per occurrence however often the clock is checked, across restarts', async () => {
    await weekOfWork();
    harness.clock.set(brisbane('2026-03-09T08:00:00'));
    await harness.tick();
    const uploads = harness.tools.nextcloud.server.requestsOf('PUT').length;
    harness.clock.set(brisbane('2026-03-09T09:00:00'));
    await harness.tick();
    await harness.restart();
    await harness.tick();
    expect(harness.tools.nextcloud.server.requestsOf('PUT')).toHaveLength(uploads);
    expect(harness.tools.nextcloud.server.requestsOf('PUT', 'time-report-2026-03-02')).toHaveLength(1);
  });

  it('fires no report for weeks before the workflows were first started', async () => {
    await weekOfWork({ startEngine: false });
    harness.clock.set(brisbane('2026-03-20T12:00:00'));
    await harness.startEngine();
    await harness.tick();
    expect(harness.tools.nextcloud.files()).toEqual([]);
  });

  it('is skipped, saying what to set, when Nextcloud is not configured', async () => {
    await weekOfWork({ unconfigured: ['nextcloud'] });
    harness.clock.set(brisbane('2026-03-09T08:00:00'));
    await harness.tick();
    const { run, steps } = await scheduledRun(weeklyTimeReportName, brisbane('2026-03-09T08:00:00'));
    expect(run.status).toBe('skipped');
    expect(steps['nextcloud.time-report:c-1']).toEqual({ status: 'skipped', reason: 'Nextcloud is not configured (set NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_APP_PASSWORD)' });
  });
});

describe('weekly financial report workflow', () => {
  it('uploads revenue, MRR movements, receivables aging, margins by tier and targets, and posts a summary to Slack', async () => {
    await weekOfWork();
    harness.clock.set(brisbane('2026-03-09T07:30:00'));
    await harness.tick();
    const report = harness.tools.nextcloud.nodes.get(financialReportPath)!;
    expect(report).toContain('| Total | AUD 4,500.00 | AUD 1,500.00 |');
    expect(report).toContain('## Receivables at 2026-03-08: AUD 3,000.00 over 1 invoices');
    expect(report).toContain('| AUD 3,000.00 | AUD 0.00 | AUD 0.00 | AUD 0.00 | AUD 0.00 |');
    expect(report).toContain('| STARTER | AUD 4,500.00 | AUD 390.00 | 91.3 % |');
    expect(report).toMatch(/\| billableUtilisation \| .+ \| 80\.0 % \| (MET|AT_RISK|MISSED) \|/);
    const summary = harness.tools.slack.messages.at(-1)!.text;
    expect(summary).toContain(':bar_chart: Financial report, week 2026-03-02 to 2026-03-09');
    expect(summary).toContain('Invoiced AUD 4,500.00 · received AUD 1,500.00');
    expect(summary).toContain('|Full report in Nextcloud>');
    expect((await scheduledRun(weeklyFinancialReportName, brisbane('2026-03-09T07:30:00'))).run).toMatchObject({ status: 'succeeded', manualMinutes: 45 });
  });
});
