import { hours, money, percent, table } from './report-format';
import type { ClientTimeReport } from './time-report.data';

/** The weekly time report of one client, as uploaded to its Reports folder. */
export function timeReportMarkdown(report: ClientTimeReport): string {
  return [
    `# Time report: ${report.name}`,
    '',
    `Week ${report.from} to ${report.to} (exclusive) · ${report.tier} · ${hours(report.totalHours)} logged, ${hours(report.billableHours)} billable`,
    '',
    '## Hours by project',
    '',
    table(['Project', 'Hours'], report.byProject.map((line) => [line.name, hours(line.hours)])),
    '',
    '## Hours by consultant',
    '',
    table(['Consultant', 'Hours'], report.byConsultant.map((line) => [line.name, hours(line.hours)])),
    '',
    '## Budget burn (to date)',
    '',
    table(
      ['Project', 'Logged', 'Budget', 'Hours burn', 'Cost burn'],
      report.budgets.map((project) => [project.name, hours(project.loggedHours), hours(project.budgetHours), percent(project.hoursBurn), percent(project.costBurn)]),
    ),
    '',
    '## Margin (this week)',
    '',
    table(
      ['Project', 'Invoiced', 'Costs', 'Margin'],
      report.margins.map((margin) => [margin.name, money(margin.revenueCents), money(margin.costsCents), percent(margin.margin)]),
    ),
    '',
  ].join('\n');
}
