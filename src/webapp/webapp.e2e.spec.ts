import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { print } from 'graphql';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../logging/logger';
import * as ops from '../schema/__generated__/operations';
import { chromiumAvailable, chromiumPath, launchChromium, type NewcomerApp, startNewcomerApp } from '../testing/browser-harness';
import { WebAssets } from './web-assets';

/** The browser globals the page-side callbacks use (the project's tsconfig has no DOM library). */
type PageElement = { getAttribute(name: string): string | null };
declare const document: { querySelectorAll(selector: string): ArrayLike<PageElement>; querySelector(selector: string): PageElement | null };
declare const window: unknown;

if (!chromiumAvailable) console.log(`SKIPPED: the web app in Chromium (no ${chromiumPath}: apt-get install -y chromium, as .ci/run does)`);

/** `UPDATE_SCREENSHOTS=1` writes the README's screenshots (docs/screenshots/); otherwise they go to a temp dir. */
const screenshots = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../../docs/screenshots') : resolve(require('node:os').tmpdir(), 'zixly-screenshots');

let seeded: NewcomerApp;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const problems: string[] = [];
const logs = captureLogs('info');

async function api<R, V>(document: Parameters<typeof print>[0], variables: V, key = seeded.adminKey): Promise<R> {
  const response = await fetch(`${seeded.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: print(document), variables }) });
  const body = (await response.json()) as { data?: R; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function signIn(key: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${seeded.app.url}/`);
  await page.fill('#api-key', key);
  await page.click('form[aria-label="Sign in"] button[type=submit]');
  await page.waitForSelector('nav[aria-label="Views"]');
}

/** Opens a view and waits until its numbers and every chart have data (a blank dashboard times out here). */
async function open(view: string, charts: number): Promise<void> {
  await page.goto(`${seeded.app.url}/#/${view}`);
  await page.waitForSelector(`[data-dashboard="${view}"] [data-kpi]`);
  await page.waitForFunction((expected) => {
    const drawn = Array.from(document.querySelectorAll('[data-dashboard] figure.chart'));
    return drawn.length >= expected && drawn.every((chart) => Number(chart.getAttribute('data-points')) > 0);
  }, charts);
}

const kpiValues = (view: string) =>
  page.$$eval(`[data-dashboard="${view}"] [data-kpi]`, (cards) => Object.fromEntries(cards.map((card) => [card.getAttribute('data-kpi'), card.getAttribute('data-value')])));

const shownPeriod = async () => ({ from: (await page.getAttribute('form.period', 'data-from'))!, to: (await page.getAttribute('form.period', 'data-to'))! });

beforeAll(async () => {
  if (!chromiumAvailable) return;
  if (!new WebAssets().built) throw new Error('dist/web is not built: run `npm run build:web` (npm test and npm run build do)');
  seeded = await startNewcomerApp();
  browser = await launchChromium();
  page = browser.page;
  // npm test runs this beside every other spec on 2 cores: waits get room.
  page.setDefaultTimeout(60_000);
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  mkdirSync(screenshots, { recursive: true });
}, 60_000);

afterAll(async () => {
  logs.restore();
  await browser?.close();
  await seeded?.stop();
});

/** How full a dashboard is: KPI values that are numbers other than zero, and charts with data. */
const fullness = (view: string) =>
  page.$eval(`[data-dashboard="${view}"]`, (element) => {
    const dashboard = element as unknown as { querySelectorAll(selector: string): ArrayLike<PageElement> };
    return {
      nonZero: Array.from(dashboard.querySelectorAll('[data-kpi]')).filter((card) => Number(card.getAttribute('data-value') || 0) !== 0).length,
      chartsWithData: Array.from(dashboard.querySelectorAll('figure.chart')).filter((chart) => Number(chart.getAttribute('data-points')) > 0).length,
    };
  });

describe.skipIf(!chromiumAvailable)('the dashboard web app in Chromium: the newcomer’s first hour', () => {
  it('shows a blank dashboard on the empty store and fills it live once the demo is seeded with one command', async () => {
    await signIn(seeded.adminKey);
    await page.waitForSelector('[data-dashboard="financial"] [data-kpi="revenue"]');
    expect(await fullness('financial')).toEqual({ nonZero: 0, chartsWithData: 0 });

    await seeded.seed(['--seed', '42', '--years', '1', '--consultants', '3']);

    const { financialDashboard } = await api<ops.FinancialDashboardQuery, unknown>(ops.FinancialDashboardDocument, { period: await shownPeriod() });
    await page.waitForSelector(`[data-kpi="revenue"][data-value="${financialDashboard.revenue.value.accrual.totalCents}"]`, { timeout: 60_000 });
  }, 180_000);

  it('shows every dashboard with the API’s numbers and charts', async () => {
    const period = await shownPeriod();
    // [view, charts, KPIs that must not be zero (the demo has no webhook traffic), the API's values]
    const views: Array<[string, number, number, () => Promise<Record<string, number | null>>]> = [
      ['financial', 3, 8, async () => {
        const { financialDashboard: d } = await api<ops.FinancialDashboardQuery, unknown>(ops.FinancialDashboardDocument, { period });
        return { revenue: d.revenue.value.accrual.totalCents, mrr: d.mrr.value.mrrCents, costs: d.costs.value.totalCents, receivables: d.receivables.value.totalCents };
      }],
      ['service-delivery', 2, 4, async () => {
        const { serviceDeliveryDashboard: d } = await api<ops.ServiceDeliveryDashboardQuery, unknown>(ops.ServiceDeliveryDashboardDocument, { period });
        return { billableHours: d.billableHours.value.totalHours, activeProjects: d.activeProjects.value.total, billableUtilisation: d.billableUtilisation.value.team.utilisation ?? null };
      }],
      ['clients-support', 3, 5, async () => {
        const { clientsSupportDashboard: d } = await api<ops.ClientsSupportDashboardQuery, unknown>(ops.ClientsSupportDashboardDocument, { period });
        return { ticketVolume: d.ticketVolume.value.opened, csat: d.csat.value.rate ?? null, nps: d.nps.value.score ?? null };
      }],
      ['sales-pipeline', 4, 5, async () => {
        const { salesPipelineDashboard: d } = await api<ops.SalesPipelineDashboardQuery, unknown>(ops.SalesPipelineDashboardDocument, { period });
        return { leadsBySource: d.leadsBySource.value.captured, winRate: d.winRate.value.rate ?? null, pipelineValue: d.pipelineValue.value.valueCents };
      }],
      ['operations', 1, 3, async () => {
        const { operationsDashboard: d } = await api<ops.OperationsDashboardQuery, unknown>(ops.OperationsDashboardDocument, { period });
        return { manualWorkSaved: d.manualWorkSaved.value.minutes, manualWorkReduction: d.manualWorkReduction.value.rate ?? null };
      }],
    ];
    for (const [view, charts, nonZeroAtLeast, fromApi] of views) {
      await open(view, charts);
      const expected = await fromApi();

      // The page follows the read models live, at most one refresh a second: a read model that
      // moved just before (the seed's last projections) is on the page within that refresh.
      for (const [kpi, value] of Object.entries(expected)) {
        await expect.poll(async () => ({ view, kpi, value: Number((await kpiValues(view))[kpi]) }), { timeout: 15_000, interval: 250 }).toEqual({ view, kpi, value });
      }
      const shown = await kpiValues(view);
      const nonZero = Object.values(shown).filter((value) => value !== null && value !== '' && Number(value) !== 0);
      expect({ view, nonZero: nonZero.length >= nonZeroAtLeast }).toEqual({ view, nonZero: true });
      await page.screenshot({ path: resolve(screenshots, `${view}.png`), fullPage: true });
    }
  }, 120_000);

  it('shows the targets with a status each, as the API judges them', async () => {
    await page.goto(`${seeded.app.url}/#/targets`);
    await page.waitForSelector('[data-table="kpi-targets"] [data-kpi]');
    const { kpiTargets } = await api<ops.KpiTargetsQuery, unknown>(ops.KpiTargetsDocument, { period: await shownPeriod() });
    const rows = await page.$$eval('[data-table="kpi-targets"] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

    expect(rows.map((row) => row[0])).toEqual(kpiTargets.value.map((target) => target.kpi));
    expect(rows.every((row) => /Met|At risk|Missed|No data/.test(row[3] ?? ''))).toBe(true);
    await page.screenshot({ path: resolve(screenshots, 'targets.png'), fullPage: true });
  });

  it('shows a lead captured through the API on the sales dashboard without a reload', async () => {
    await open('sales-pipeline', 4);
    const before = Number((await kpiValues('sales-pipeline')).leadsBySource);
    const editor = await api<ops.CreateApiKeyMutation, unknown>(ops.CreateApiKeyDocument, { name: 'live editor', role: 'EDITOR' });

    await api(ops.CaptureLeadDocument, { input: { leadId: 'live-1', name: 'Live Lead', source: 'WEBSITE' } }, editor.createApiKey.secret);

    await page.waitForSelector(`[data-dashboard="sales-pipeline"] [data-kpi="leadsBySource"][data-value="${before + 1}"]`);
  }, 60_000);

  /** Loads page after page of the facts shown until the last, when the page puts them together. */
  async function everyFactPage(): Promise<void> {
    await page.waitForSelector('[data-table="facts"] tbody tr');
    while (!(await page.$('[data-facts-value]'))) {
      const shown = await page.$$eval('[data-table="facts"] tbody tr', (rows) => rows.length);
      await page.click('text=Load more');
      await page.waitForFunction((before) => document.querySelectorAll('[data-table="facts"] tbody tr').length > before || document.querySelector('[data-facts-value]') !== null, shown);
    }
  }

  it('drills down from a number to the facts that make it, opens one fact\'s stream and exports it', async () => {
    await open('clients-support', 3);
    const opened = await page.getAttribute('[data-kpi="ticketVolume"]', 'data-value');
    await page.click('[data-kpi="ticketVolume"] a.drill');
    await everyFactPage();
    expect(await page.getAttribute('[data-facts-value]', 'data-facts-value')).toBe(opened);
    const entities = await page.$$eval('[data-table="facts"] tbody tr td:first-child', (cells) => cells.map((cell) => (cell as unknown as { textContent: string }).textContent));
    expect(entities.length).toBe(Number(opened));
    expect(new Set(entities)).toEqual(new Set(['Ticket']));
    await page.locator('#facts-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(screenshots, 'facts.png') });

    await open('clients-support', 3);
    const satisfied = await page.getAttribute('[data-kpi="csat"]', 'data-value');
    await page.click('[data-kpi="csat"] a.drill');
    await everyFactPage();
    expect(Number(await page.getAttribute('[data-facts-value]', 'data-facts-value'))).toBeCloseTo(Number(satisfied), 9);

    await page.click('[data-table="facts"] tbody tr a');
    await page.waitForSelector('#stream-title');
    const stream = (await page.textContent('#stream-title'))!.replace('Stream', '').trim();
    expect(stream).toMatch(/^Ticket-/);
    const download = page.waitForEvent('download');
    await page.click('text=Export NDJSON');
    const lines = readFileSync((await (await download).path())!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { stream: string });
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.stream))).toEqual(new Set([stream]));
  }, 60_000);

  it('lists the events of the period in the explorer, filtered by stream category', async () => {
    await open('clients-support', 3);
    const period = await shownPeriod();
    await page.goto(`${seeded.app.url}/#/events?${new URLSearchParams({ categories: 'Ticket', from: `${period.from}T00:00:00+10:00`, to: `${period.to}T00:00:00+10:00` })}`);
    await page.waitForSelector('[data-table="events"] tbody tr');
    const streams = await page.$$eval('[data-table="events"] tbody tr', (rows) => rows.map((row) => row.getAttribute('data-stream')));
    expect(streams.length).toBeGreaterThan(10);
    expect(streams.filter((stream) => !stream?.startsWith('Ticket-'))).toEqual([]);
    await page.screenshot({ path: resolve(screenshots, 'events.png') });
  });

  it('shows the dashboards as known on a past day (asOf), with the API’s past numbers', async () => {
    await open('financial', 3);
    const live = Number((await kpiValues('financial')).revenue);
    const { from } = await shownPeriod();
    const day = `${from.slice(0, 4)}-${from.slice(5, 7)}-20`;

    await page.fill('form.period input[name="asOf"]', day);
    await page.waitForSelector('form.period[data-as-of]:not([data-as-of=""])');
    // Each trend replays the log as of that day: give it time on a loaded machine.
    await page.waitForFunction((previous) => Number(document.querySelector('[data-kpi="revenue"]')?.getAttribute('data-value')) !== previous, live, { timeout: 100_000 });

    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const past = await api<ops.FinancialDashboardQuery, unknown>(ops.FinancialDashboardDocument, { period: await shownPeriod(), asOf: `${next}T00:00:00+10:00` });
    expect(Number((await kpiValues('financial')).revenue)).toBe(past.financialDashboard.revenue.value.accrual.totalCents);
    expect(past.financialDashboard.revenue.value.accrual.totalCents).toBeLessThan(live);
  }, 120_000);
});

describe.skipIf(!chromiumAvailable)('who sees what, accessibility and hygiene', () => {
  const nav = () => page.$$eval('nav[aria-label="Views"] a', (links) => links.map((link) => link.textContent));

  it('shows a VIEWER the dashboards and the events only, an EDITOR also the lead entry, an ADMIN also keys, read models and parked deliveries', async () => {
    const viewer = await api<ops.CreateApiKeyMutation, unknown>(ops.CreateApiKeyDocument, { name: 'viewer', role: 'VIEWER' });
    const editor = await api<ops.CreateApiKeyMutation, unknown>(ops.CreateApiKeyDocument, { name: 'editor', role: 'EDITOR' });

    await signIn(viewer.createApiKey.secret);
    expect(await nav()).toEqual(['Financial', 'Service delivery', 'Clients & support', 'Sales pipeline', 'Operations', 'Targets', 'Events', 'GraphQL IDE']);
    await open('financial', 3);

    await signIn(editor.createApiKey.secret);
    expect(await nav()).toContain('Capture a lead');
    expect(await nav()).not.toContain('API keys');
    await page.goto(`${seeded.app.url}/#/entry`);
    await page.fill('input[name="name"]', 'Ada from the web form');
    await page.click('text=Capture lead');
    await page.waitForSelector('p[role="status"]:has-text("captured")');

    await signIn(seeded.adminKey);
    expect(await nav()).toEqual(expect.arrayContaining(['Read models', 'Parked deliveries', 'API keys']));
    await page.goto(`${seeded.app.url}/#/keys`);
    await page.waitForSelector('[data-table="api-keys"] tbody tr');
    expect(await page.$$eval('[data-table="api-keys"] tbody tr', (rows) => rows.length)).toBeGreaterThanOrEqual(3);
    await page.goto(`${seeded.app.url}/#/projections`);
    await page.waitForSelector('[data-table="projections"] tbody tr');
    await page.screenshot({ path: resolve(screenshots, 'projections.png'), fullPage: true });
    await page.goto(`${seeded.app.url}/#/parked`);
    await page.waitForSelector('[data-table="parked-deliveries"]');
  }, 60_000);

  it('finds no serious or critical accessibility violations (axe-core) on the sign-in page and each dashboard', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const audit = async (where: string) => {
      await page.evaluate(`${axe}\nvoid 0`);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes.length})`);
      });
      expect({ where, violations }).toEqual({ where, violations: [] });
    };
    await page.context().clearCookies();
    await page.goto(`${seeded.app.url}/`);
    await page.waitForSelector('#api-key');
    await page.screenshot({ path: resolve(screenshots, 'sign-in.png') });
    await audit('sign-in');
    await signIn(seeded.adminKey);
    for (const [view, charts] of [['financial', 3], ['service-delivery', 2], ['clients-support', 3], ['sales-pipeline', 4], ['operations', 1]] as const) {
      await open(view, charts);
      await audit(view);
    }
    await open('financial', 3);
    await page.click('[data-kpi="profitMargin"] a.drill');
    await page.waitForSelector('[data-table="facts"] tbody tr');
    await audit('facts');
  }, 60_000);

  it('serves the bundled GraphQL IDE at /graphql, which runs a query on the dashboard session', async () => {
    await page.goto(`${seeded.app.url}/graphql`);
    await page.waitForSelector('.graphiql-container');
    expect(await page.textContent('.ide-banner')).toContain('Signed in as first admin (ADMIN)');
    const answer = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST' && (response.request().postData() ?? '').includes('FinanceThisYear'));
    await page.click('.graphiql-execute-button');
    expect(((await (await answer).json()) as { data: { financialDashboard: unknown } }).data.financialDashboard).toBeTruthy();
    await page.screenshot({ path: resolve(screenshots, 'graphql-ide.png') });
  });

  it('never put a key in a URL or a log line, and logged no console error in the browser', async () => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await signIn(seeded.adminKey);
    await open('financial', 3);

    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((url) => url.includes('zx_'))).toEqual([]);
    expect(logs.lines.filter((line) => line.includes(seeded.adminKey))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
