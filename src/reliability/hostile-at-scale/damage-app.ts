import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { randomId } from '../../core/ids';
import { clientOnboarded } from '../../testing/importable-events';
import { appEnv, type AppFiles, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { graphqlCall } from '../support/graphql-call';
import type { ProbeOutcome } from './probe';

/** Support for probes that damage files: each starts its own app on its own temp DATA_DIR. */
export const eventsFile = (files: AppFiles) => join(files.dataDir, 'events.sqlite');
export const readModelsFile = (files: AppFiles) => join(files.dataDir, 'read-models.sqlite');

const metadata = { occurredAt: '2026-02-03T04:05:06.000Z', correlationId: 'probe', causationId: null, actor: 'probe' };

/** Appends `count` onboarded clients straight to the log (`name(i)` names the i-th, 1-based). */
export async function seedClients(files: AppFiles, count: number, name: (index: number) => string = (index) => `Client ${index}`): Promise<void> {
  const store = await openSqliteEventStore({ path: eventsFile(files), synchronous: 'NORMAL' });
  try {
    for (let index = 1; index <= count; index++) {
      await store.append(`Client-probe-${index}`, [{ id: randomId(), type: 'ClientOnboarded', data: clientOnboarded(`probe-${index}`, name(index)), metadata }]);
    }
  } finally {
    await store.close();
  }
}

/** Runs `probe` on fresh files, always stopping the app and removing the files afterwards. */
export async function withOwnApp(work: (files: AppFiles, start: (env?: Record<string, string>) => Promise<AppProcess>) => Promise<ProbeOutcome>): Promise<ProbeOutcome> {
  const files = appFiles('zixly-damage-probe-');
  const started: AppProcess[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const app = await AppProcess.start(appEnv(files, env));
    started.push(app);
    return app;
  };
  try {
    return await work(files, start);
  } catch (error) {
    return { kind: 'failed', detail: `${(error as Error).message}\n${started.at(-1)?.tail(20) ?? ''}` };
  } finally {
    for (const app of started) await app.kill();
    files.remove();
  }
}

export async function readyz(url: string): Promise<{ status: number; reasons: string[] }> {
  const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  const body = (await response.json()) as { reasons?: string[] };
  return { status: response.status, reasons: body.reasons ?? [] };
}

export async function healthy(url: string): Promise<boolean> {
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
  return response?.status === 200;
}

/** Polls `check` until it gives a value (not undefined) or `timeoutMs` passes (then undefined): a probe's guard, not an assertion. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function clientNames(url: string, key: string): Promise<string[]> {
  const result = await graphqlCall<{ clients: { nodes: Array<{ name: string }> } }>(url, key, '{ clients(first: 200) { nodes { name } } }');
  if (!result.data) throw new Error(`clients query failed (${result.status}): ${JSON.stringify(result.errors)}`);
  return result.data.clients.nodes.map((client) => client.name).sort();
}

/** Eventually the clients read model holds exactly `expected` names (sorted). */
export const clientsServed = (url: string, key: string, expected: readonly string[]) =>
  eventually(async () => {
    const names = await clientNames(url, key);
    return JSON.stringify(names) === JSON.stringify([...expected].sort()) ? names : undefined;
  });

/**
 * A second connection on a SQLite file of the app, growing it past the app's SQLITE_MAX_FILE_MB so
 * that the app's own writes fail with SQLITE_FULL; `release` frees the space again.
 */
export function diskFiller(path: string) {
  const db = new Database(path);
  db.exec('CREATE TABLE IF NOT EXISTS probe_filler (blob BLOB)');
  return {
    fill: (bytes: number) => void db.prepare('INSERT INTO probe_filler VALUES (zeroblob(?))').run(bytes),
    release: () => void db.exec('DELETE FROM probe_filler'),
    close: () => void db.close(),
  };
}
