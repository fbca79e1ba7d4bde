import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startApp } from '../app';
import { loadConfig } from '../config';
import { chromiumAvailable, chromiumPath, launchChromium } from '../testing/browser-harness';
import { WebAssets } from '../webapp/web-assets';
import { type BenchResult, benchResult } from './bench-result';
import { fillEventStore } from './projections-fill.bench';

const budgetKb = 350;
const runs = 7;

/** What a browser downloads before the dashboard can draw: the page and every script and style it names. */
export function firstViewFiles(root: string): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  return ['index.html', ...new Set(named)];
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The dashboard's weight and speed: the gzipped bytes of its first view (budget 350 KB), and the
 * time from navigating to `/` until the financial dashboard shows its numbers and charts, with an
 * empty browser cache, over one year of demo history on localhost. Baseline: the dashboard's
 * GraphQL query alone, from Node.
 */
export async function benchWebapp(): Promise<BenchResult[]> {
  const assets = new WebAssets();
  if (!assets.built) throw new Error('dist/web is not built: npm run build');
  const files = firstViewFiles(assets.root);
  const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(assets.root, file)), { level: 9 }).length, 0) / 1024;
  console.log(`  first view: ${files.join(', ')} = ${gzipped.toFixed(1)} KB gzipped (budget ${budgetKb} KB)`);
  const results = [benchResult('webapp: first view, gzipped (page, scripts and styles)', gzipped, 'KB', null, `<= ${budgetKb} KB`)];
  if (!chromiumAvailable) {
    console.log(`  SKIPPED: first view time (no ${chromiumPath}; apt-get install -y chromium)`);
    return results;
  }
  return [...results, ...(await measureFirstView())];
}

async function measureFirstView(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zixly-bench-webapp-'));
  const key = `zx_bench_${'a'.repeat(32)}`;
  try {
    const fill = await fillEventStore(join(dataDir, 'events.sqlite'), { seed: 2025, consultants: 5, years: 1, startDate: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10) });
    console.log(`  ${fill.events.toLocaleString('en')} events of demo history`);
    const app = await startApp(loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production', WORKFLOWS_ENABLED: 'false', SYNC_ENABLED: 'false', LOG_LEVEL: 'warn', ZIXLY_ADMIN_KEY: key }));
    const browser = await launchChromium();
    try {
      const head = await app.services.eventStore.headPosition();
      await app.services.projections.waitFor(head!, 300_000);
      const { page, context } = browser;
      await page.goto(`${app.url}/`);
      await page.fill('#api-key', key);
      await page.click('form[aria-label="Sign in"] button[type=submit]');
      await page.waitForSelector('nav[aria-label="Views"]');
      const cdp = await context.newCDPSession(page);
      const browserMs: number[] = [];
      for (let run = 0; run < runs; run++) {
        await page.goto('about:blank');
        await cdp.send('Network.clearBrowserCache');
        const started = performance.now();
        await page.goto(`${app.url}/#/financial`);
        await page.waitForFunction(() => {
          const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> } }).document;
          const charts = Array.from(doc.querySelectorAll('figure.chart'));
          return doc.querySelectorAll('[data-kpi]').length > 0 && charts.length >= 3 && charts.every((chart) => Number(chart.getAttribute('data-points')) > 0);
        });
        browserMs.push(performance.now() - started);
      }
      const queryMs: number[] = [];
      const period = JSON.parse((await page.evaluate('JSON.stringify({ from: document.querySelector("form.period").dataset.from, to: document.querySelector("form.period").dataset.to })')) as string) as object;
      const { FinancialDashboardDocument } = await import('../schema/__generated__/operations');
      const { print } = await import('graphql');
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: print(FinancialDashboardDocument), variables: { period } }) });
        await response.json();
        queryMs.push(performance.now() - started);
      }
      console.log(`  first view (cold cache) ${browserMs.map((ms) => ms.toFixed(0)).join(', ')} ms; the query alone ${queryMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      return [benchResult(`webapp: first view of the financial dashboard, empty cache, median of ${runs}, vs its GraphQL query alone`, median(browserMs), 'ms', median(queryMs), '< 1000 ms')];
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
