import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { type RunningApp, startApp } from '../app';
import { loadConfig } from '../config';
import { runCliProcess } from './cli-process';

/** Debian's Chromium (`apt-get install -y chromium`): browser downloads do not work on these machines. */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(chromiumPath);

/** Keeps the browser off the network and away from any profile but its own fresh one. */
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'zixly-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface NewcomerApp {
  readonly app: RunningApp;
  readonly dataDir: string;
  /** The first ADMIN key, as a newcomer finds it: in DATA_DIR/admin-key.txt. */
  readonly adminKey: string;
  /** `zixly demo seed <args>` as a separate process while the server runs; resolves when the read models caught up. */
  seed(args: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The newcomer's first hour on a temp DATA_DIR: the server started on an empty store (it writes
 * the first ADMIN key); `seed` runs the CLI's demo seed while it runs, as the README says.
 */
export async function startNewcomerApp(): Promise<NewcomerApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zixly-webapp-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', SQLITE_SYNCHRONOUS: 'NORMAL', WORKFLOWS_ENABLED: 'false', SYNC_ENABLED: 'false' });
  const app = await startApp(config);
  return {
    app,
    dataDir,
    adminKey: readFileSync(join(dataDir, 'admin-key.txt'), 'utf8').trim(),
    async seed(args) {
      const seeded = await runCliProcess(['demo', 'seed', ...args], { env: { DATA_DIR: dataDir } });
      if (seeded.code !== 0) throw new Error(`demo seed failed: ${seeded.stderr}`);
      await caughtUp(app);
    },
    stop: () => app.stop().finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** Waits until every read model has applied the store's head (the server follows the CLI's appends by polling). */
async function caughtUp(app: RunningApp): Promise<void> {
  const head = await app.services.eventStore.headPosition();
  if (head === null || !(await app.services.projections.waitFor(head, 120_000))) throw new Error('the read models did not catch up with the seeded log');
}
