import type { FinancialReport } from './financial-report.data';
import { money, percent, table } from './report-format';

const tiers = ['STARTER', 'PROFESSIONAL', 'ENTERPRISE'];

/** The weekly financial report as uploaded to Nextcloud. */
export function financialReportMarkdown(report: FinancialReport): string {
  const { revenue, mrr, receivables, margin } = report;
  const aging = receivables.aging;
  return [
    `# Financial report, week ${report.from} to ${report.to} (exclusive)`,
    '',
    '## Revenue',
    '',
    table(['', 'Invoiced (accrual)', 'Received (cash)'], [['Total', money(revenue.accrual.totalCents), money(revenue.cash.totalCents)], ...tiers.map((tier) => [tier, money(revenue.accrual.byTier[tier] ?? 0), money(revenue.cash.byTier[tier] ?? 0)])]),
    '',
    '## MRR movements',
    '',
    table(
      ['Start', 'New', 'Expansion', 'Reactivation', 'Contraction', 'Churn', 'Net new', 'End'],
      [[mrr.startMrrCents, mrr.newCents, mrr.expansionCents, mrr.reactivationCents, mrr.contractionCents, mrr.churnCents, mrr.netNewCents, mrr.endMrrCents].map((cents) => money(cents))],
    ),
    '',
    `## Receivables at ${receivables.asOf}: ${money(receivables.totalCents)} over ${receivables.invoiceCount} invoices`,
    '',
    table(['Current', '1–30', '31–60', '61–90', '90+'], [[aging.current, aging.days1To30, aging.days31To60, aging.days61To90, aging.days90Plus].map((cents) => money(cents))]),
    '',
    `## Profit margin: ${percent(margin.margin)}`,
    '',
    table(['Tier', 'Revenue', 'Costs', 'Margin'], tiers.map((tier) => marginRow(tier, margin.byTier[tier]))),
    '',
    '## Targets',
    '',
    table(['KPI', 'Value', 'Target', 'Status'], report.targets.map((target) => [target.kpi, percent(target.value), percent(target.target), target.status])),
    '',
  ].join('\n');
}

function marginRow(tier: string, line: { revenueCents: number; costsCents: number; margin: number | null } | undefined): string[] {
  return [tier, money(line?.revenueCents ?? 0), money(line?.costsCents ?? 0), percent(line?.margin ?? null)];
}

/** The short version for Slack. */
export function financialReportSummary(report: FinancialReport, link: string | null): string {
  const missed = report.targets.filter((target) => target.status === 'MISSED' || target.status === 'AT_RISK').map((target) => `${target.kpi} ${target.status}`);
  return [
    `:bar_chart: Financial report, week ${report.from} to ${report.to}`,
    `Invoiced ${money(report.revenue.accrual.totalCents)} · received ${money(report.revenue.cash.totalCents)} · margin ${percent(report.margin.margin)}`,
    `MRR ${money(report.mrr.endMrrCents)} (net new ${money(report.mrr.netNewCents)}) · receivables ${money(report.receivables.totalCents)}, 90+ days ${money(report.receivables.aging.days90Plus)}`,
    missed.length > 0 ? `Targets needing attention: ${missed.join(', ')}` : 'All targets met or without data.',
    link ? `<${link}|Full report in Nextcloud>` : '',
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}
