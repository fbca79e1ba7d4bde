import { previousWeek } from '../engine/weekly-schedule';
import type { ScheduledWorkflow } from '../engine/workflow';
import { financialReport } from './financial-report.data';
import { financialReportMarkdown, financialReportSummary } from './financial-report.markdown';

export const weeklyFinancialReportName = 'weekly-financial-report';
export const financialReportsFolder = 'Reports/Financial';

/**
 * Every week (WORKFLOW_FINANCIAL_REPORT_SCHEDULE): revenue, MRR movements, receivables aging,
 * margins by tier and targets, as Markdown in Nextcloud and as a summary in Slack.
 */
export const weeklyFinancialReportWorkflow: ScheduledWorkflow = {
  name: weeklyFinancialReportName,
  manualMinutes: 45,
  schedule: (config) => config.financialReportSchedule,
  async run(context, trigger) {
    if (trigger.kind !== 'schedule') return;
    const week = previousWeek(new Date(trigger.at), context.deps.kpi.timeZone);
    const report = await financialReport(context.deps.kpi, week);
    const file = await context.step('nextcloud.financial-report', 'nextcloud', async (nextcloud) => {
      for (const folder of ['Reports', financialReportsFolder]) await nextcloud.ensureFolder(folder);
      const path = `${financialReportsFolder}/financial-report-${week.from}.md`;
      const existed = await nextcloud.exists(path);
      if (!existed) await nextcloud.upload(path, financialReportMarkdown(report), 'text/markdown; charset=utf-8');
      return { externalId: path, result: { path, url: nextcloud.folderUrl(financialReportsFolder), uploaded: !existed } };
    });
    const link = typeof file?.result.url === 'string' ? file.result.url : null;
    await context.step('slack.financial-report', 'slack', async (slack) => {
      await slack.post({ text: financialReportSummary(report, link) });
      return { externalId: null, result: { posted: true } };
    }, { atMostOnce: true });
  },
};
