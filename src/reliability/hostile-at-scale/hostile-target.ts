import { join } from 'node:path';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { randomId } from '../../core/ids';
import { appEnv, type AppFiles, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { graphqlData } from '../support/graphql-call';
import { sendDelivery } from '../support/webhook-sender';
import type { ProbeTarget } from './probe';

/** The composed app under attack: a child process on its own DATA_DIR with a log of `events` events. */
export interface HostileTarget {
  readonly target: ProbeTarget;
  readonly app: AppProcess;
  readonly files: AppFiles;
  stop(): Promise<void>;
}

/** Business-looking events the scans have to walk through (no projection folds them, so start-up stays quick). */
async function seedLog(dataDir: string, events: number): Promise<void> {
  const store = await openSqliteEventStore({ path: join(dataDir, 'events.sqlite'), synchronous: 'NORMAL' });
  try {
    for (let written = 0; written < events; written += 500) {
      const batch = Array.from({ length: Math.min(500, events - written) }, (_, index) => ({
        id: randomId(),
        type: 'NoteTaken',
        data: { text: `note ${written + index}` },
        metadata: { occurredAt: new Date(Date.UTC(2024, 0, 1) + (written + index) * 60_000).toISOString(), correlationId: randomId(), causationId: null, actor: 'seed' },
      }));
      await store.append(`Audit-${written / 500}`, batch);
    }
  } finally {
    await store.close();
  }
}

export async function startHostileTarget(events: number): Promise<HostileTarget> {
  const files = appFiles('zixly-hostile-scale-');
  await seedLog(files.dataDir, events);
  const env = appEnv(files, { HTTP_REQUEST_TIMEOUT_MS: '5000', WS_INIT_TIMEOUT_MS: '1000' });
  const app = await AppProcess.start(env);
  const create = async (role: 'VIEWER' | 'EDITOR') =>
    (await graphqlData<{ createApiKey: { secret: string } }>(app.url, files.adminKey, 'mutation ($role: Role!) { createApiKey(name: "hostile run", role: $role) { secret } }', { role })).createApiKey.secret;
  const keys = { VIEWER: await create('VIEWER'), EDITOR: await create('EDITOR'), ADMIN: files.adminKey };
  // One raw delivery (payload and headers kept in the log) for the visibility probes to look for.
  const body = JSON.stringify({ event: { node: { id: 1, path: '/ops/files/hostile.txt' }, class: 'OCP\\Files\\Events\\Node\\NodeCreatedEvent' }, user: { uid: 'ops' }, time: 1_780_000_000 });
  await sendDelivery(app.url, { label: 'hostile-raw', tool: 'nextcloud', body });
  return {
    target: { url: app.url, dataDir: files.dataDir, keys, env },
    app,
    files,
    async stop() {
      await app.stop();
      files.remove();
    },
  };
}
