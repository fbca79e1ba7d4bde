import { previousWeek } from '../engine/weekly-schedule';
import type { ScheduledWorkflow } from '../engine/workflow';
import { clientFolder } from '../shared/client-folders';
import { timeReports } from './time-report.data';
import { timeReportMarkdown } from './time-report.markdown';

export const weeklyTimeReportName = 'weekly-time-report';

/**
 * Every week (WORKFLOW_TIME_REPORT_SCHEDULE), per active client: hours by project and consultant,
 * budget burn and margin as Markdown in `Clients/<name>/Reports/time-report-<week start>.md`.
 * The file's path is its marker: a file already there is not uploaded again.
 */
export const weeklyTimeReportWorkflow: ScheduledWorkflow = {
  name: weeklyTimeReportName,
  manualMinutes: 60,
  schedule: (config) => config.timeReportSchedule,
  async run(context, trigger) {
    if (trigger.kind !== 'schedule') return;
    const week = previousWeek(new Date(trigger.at), context.deps.kpi.timeZone);
    const reports = await timeReports(context.deps.kpi, week, trigger.at);
    if (reports.length === 0) return context.skip('nextcloud.time-reports', `no client was active on ${week.to}`);
    for (const report of reports) {
      await context.step(`nextcloud.time-report:${report.clientId}`, 'nextcloud', async (nextcloud) => {
        const folder = `${clientFolder(report.name)}/Reports`;
        for (const parent of ['Clients', clientFolder(report.name), folder]) await nextcloud.ensureFolder(parent);
        const path = `${folder}/time-report-${week.from}.md`;
        const existed = await nextcloud.exists(path);
        if (!existed) await nextcloud.upload(path, timeReportMarkdown(report), 'text/markdown; charset=utf-8');
        return { externalId: path, result: { path, url: nextcloud.folderUrl(folder), uploaded: !existed, totalHours: report.totalHours } };
      });
    }
  },
};
