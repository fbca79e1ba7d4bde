import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../../adapters/sqlite/sqlite-read-store';
import { randomId } from '../../../core/ids';
import { runCliProcess } from '../../../testing/cli-process';
import { flipByteAt, scribble } from '../../../testing/damage-files';
import { clientOnboarded } from '../../../testing/importable-events';
import type { AppFiles } from '../../support/app-env';
import type { AppProcess } from '../../support/app-process';
import { graphqlCall } from '../../support/graphql-call';
import { clientsServed, diskFiller, eventsFile, eventually, healthy, readModelsFile, readyz, seedClients, withOwnApp } from '../damage-app';
import type { Probe, ProbeOutcome } from '../probe';

const five = ['Client 1', 'Client 2', 'Client 3', 'Client 4', 'Client 5'];
const marker = 'MARKER-probe-three';
const withMarker = (index: number) => (index === 3 ? marker : `Client ${index}`);

/** Served when the app stays up, names the damaged event in /readyz and serves the other four clients. */
async function damagedEventServed(app: AppProcess, files: AppFiles, expectedReason: RegExp): Promise<ProbeOutcome> {
  const named = await eventually(async () => ((await readyz(app.url)).reasons.find((reason) => expectedReason.test(reason)) ? true : undefined));
  const served = await clientsServed(app.url, files.adminKey, five.filter((name) => name !== 'Client 3'));
  if (!(await healthy(app.url))) return { kind: 'failed', detail: 'the process stopped answering /healthz' };
  if (!named) return { kind: 'failed', detail: `/readyz never named the damaged event: ${JSON.stringify((await readyz(app.url)).reasons)}` };
  if (!served) return { kind: 'failed', detail: 'the other clients were not served' };
  return { kind: 'served', detail: `named in /readyz, the 4 other clients served` };
}

/** Starts on five clients, waits until they are served, and stops: read models exist on disk. */
async function builtReadModels(files: AppFiles, start: (env?: Record<string, string>) => Promise<AppProcess>): Promise<void> {
  await seedClients(files, 5);
  const app = await start();
  if (!(await clientsServed(app.url, files.adminKey, five))) throw new Error('the read models were never built');
  await app.stop();
}

/** Served when the app starts on the damaged read models, sets them aside and serves every client again. */
async function readModelsRebuilt(files: AppFiles, start: (env?: Record<string, string>) => Promise<AppProcess>, damage: (path: string) => void): Promise<ProbeOutcome> {
  await builtReadModels(files, start);
  damage(readModelsFile(files));
  const app = await start();
  const served = await clientsServed(app.url, files.adminKey, five);
  const ready = await eventually(async () => ((await readyz(app.url)).status === 200 ? true : undefined));
  if (!served || !ready) return { kind: 'failed', detail: `clients served: ${Boolean(served)}, ready: ${Boolean(ready)}` };
  return { kind: 'served', detail: `rebuilt from the log (${existsSync(`${readModelsFile(files)}.corrupt`) ? 'damaged file set aside' : 'file kept: found sound'})` };
}

export const probes: readonly Probe[] = [
  {
    class: 'damaged-files',
    name: 'a flipped byte in one stored event',
    run: () =>
      withOwnApp(async (files, start) => {
        await seedClients(files, 5, withMarker);
        flipByteAt(eventsFile(files), marker);
        return damagedEventServed(await start(), files, /Client-probe-3 revision 0 \(position 3, ClientOnboarded\): checksum mismatch/);
      }),
  },
  {
    class: 'damaged-files',
    name: 'the NDJSON export past a flipped byte',
    run: () =>
      withOwnApp(async (files, start) => {
        await seedClients(files, 5, withMarker);
        flipByteAt(eventsFile(files), marker);
        const app = await start();
        const response = await fetch(`${app.url}/export/events.ndjson?categories=Client`, { headers: { authorization: `Bearer ${files.adminKey}` } });
        const lines = (await response.text()).trim().split('\n').filter((line) => line !== '');
        if (response.status !== 200 || lines.length !== 4) return { kind: 'failed', detail: `export answered ${response.status} with ${lines.length} events (expected 4)` };
        return { kind: 'served', detail: 'the 4 sound events exported, the damaged one skipped and named' };
      }),
  },
  {
    class: 'damaged-files',
    name: 'zixly events verify and export on a flipped byte',
    run: () =>
      withOwnApp(async (files) => {
        await seedClients(files, 5, withMarker);
        flipByteAt(eventsFile(files), marker);
        const verify = await runCliProcess(['events', 'verify'], { env: { DATA_DIR: files.dataDir } });
        const exported = await runCliProcess(['events', 'export'], { env: { DATA_DIR: files.dataDir } });
        const named = (text: string) => text.includes('Client-probe-3 revision 0 (position 3, ClientOnboarded): checksum mismatch');
        if (verify.code !== 1 || !named(verify.stdout)) return { kind: 'failed', detail: `verify exited ${verify.code}: ${verify.stdout}${verify.stderr}` };
        if (exported.code !== 1 || !named(exported.stderr) || exported.stdout.trim().split('\n').length !== 4) return { kind: 'failed', detail: `export exited ${exported.code}: ${exported.stderr}` };
        return { kind: 'served', detail: 'verify and export name the damaged event and exit 1; export wrote the 4 others' };
      }),
  },
  {
    class: 'damaged-files',
    name: 'a malformed event row (a revision that is not a number)',
    run: () =>
      withOwnApp(async (files, start) => {
        await seedClients(files, 5);
        const raw = new Database(eventsFile(files));
        raw.prepare(`UPDATE events SET revision = 'x' WHERE stream = 'Client-probe-3'`).run();
        raw.close();
        return damagedEventServed(await start(), files, /Client-probe-3 revision x \(position 3, ClientOnboarded\): malformed row/);
      }),
  },
  {
    class: 'damaged-files',
    name: 'a truncated read-model file',
    run: () => withOwnApp((files, start) => readModelsRebuilt(files, start, (path) => truncateSync(path, 3_000))),
  },
  {
    class: 'damaged-files',
    name: 'a scribbled page in the read-model file',
    run: () => withOwnApp((files, start) => readModelsRebuilt(files, start, (path) => scribble(path, 0.5, 4_096))),
  },
  {
    class: 'damaged-files',
    name: 'a read-model file that is not a database',
    run: () => withOwnApp((files, start) => readModelsRebuilt(files, start, (path) => writeFileSync(path, 'this is not a database\n'.repeat(400)))),
  },
  {
    class: 'damaged-files',
    name: 'an interrupted rebuild left behind',
    run: () =>
      withOwnApp(async (files, start) => {
        await builtReadModels(files, start);
        const readStore = await openSqliteReadStore({ path: readModelsFile(files) });
        await readStore.commit('clients__rebuild', [{ id: 'half', position: 1n, document: { _id: 'half' } }], {
          projection: 'clients__rebuild', version: 1, collection: 'clients__rebuild', position: 1n, failure: null, updatedAt: new Date().toISOString(),
        });
        await readStore.close();
        const app = await start();
        await clientsServed(app.url, files.adminKey, five);
        const raw = new Database(readModelsFile(files), { readonly: true });
        const left = raw.prepare(`SELECT COUNT(*) FROM sqlite_schema WHERE name = 'clients__rebuild'`).pluck().get() as number;
        raw.close();
        return left === 0 ? { kind: 'served', detail: 'the shadow collection was dropped at start' } : { kind: 'failed', detail: 'the shadow collection is still there' };
      }),
  },
  {
    class: 'damaged-files',
    name: 'a full disk under the event store during writes',
    run: () =>
      withOwnApp(async (files, start) => {
        const app = await start({ SQLITE_MAX_FILE_MB: '4' });
        const create = (name: string) => graphqlCall(app.url, files.adminKey, 'mutation ($name: String!) { createApiKey(name: $name, role: VIEWER) { keyId } }', { name });
        const before = await create('before the disk filled');
        const disk = diskFiller(eventsFile(files));
        try {
          disk.fill(6 * 2 ** 20);
          // Small appends fit in the pages the file already has: keep writing until one needs a new page.
          let refused = await create('while full 0');
          for (let attempt = 1; attempt < 200 && refused.data; attempt++) refused = await create(`while full ${attempt}`);
          const code = refused.errors?.[0]?.extensions?.code;
          const named = (await readyz(app.url)).reasons.some((reason) => reason.includes('SQLITE_FULL'));
          const alive = await healthy(app.url);
          const reads = await graphqlCall(app.url, files.adminKey, '{ apiKeys { nodes { keyId } } }');
          disk.release();
          const after = await eventually(async () => ((await create('after space returned')).data ? true : undefined), 10_000);
          const kept = ((await graphqlCall<{ apiKeys: { nodes: Array<{ name: string }> } }>(app.url, files.adminKey, '{ apiKeys(first: 200) { nodes { name } } }')).data?.apiKeys.nodes ?? []).map((key) => key.name);
          if (!before.data || code !== 'SERVICE_UNAVAILABLE' || refused.status !== 503 || !named || !alive || !reads.data || !after || !kept.includes('before the disk filled')) {
            return { kind: 'failed', detail: JSON.stringify({ code, status: refused.status, named, alive, reads: Boolean(reads.data), after: Boolean(after), kept, message: refused.errors?.[0]?.message }) };
          }
          return { kind: 'refused', detail: `writes refused with 503 ${code} naming SQLITE_FULL, reads served, writes back once space returned` };
        } finally {
          disk.close();
        }
      }),
  },
  {
    class: 'damaged-files',
    name: 'a full disk under the read models',
    run: () =>
      withOwnApp(async (files, start) => {
        await seedClients(files, 2);
        const app = await start({ SQLITE_MAX_FILE_MB: '4' });
        await clientsServed(app.url, files.adminKey, ['Client 1', 'Client 2']);
        const disk = diskFiller(readModelsFile(files));
        try {
          disk.fill(6 * 2 ** 20);
          const store = await openSqliteEventStore({ path: eventsFile(files), synchronous: 'NORMAL' });
          const big = `Big ${'x'.repeat(600_000)}`;
          await store.append('Client-probe-big', [{ id: randomId(), type: 'ClientOnboarded', data: clientOnboarded('probe-big', big), metadata: { occurredAt: new Date().toISOString(), correlationId: 'p', causationId: null, actor: 'probe' } }]);
          await store.close();
          const paused = await eventually(async () => ((await readyz(app.url)).reasons.find((reason) => reason.includes('paused') && reason.includes('SQLITE_FULL')) ? true : undefined));
          const alive = await healthy(app.url);
          disk.release();
          const resumed = await clientsServed(app.url, files.adminKey, ['Client 1', 'Client 2', big]);
          if (!paused || !alive || !resumed) return { kind: 'failed', detail: JSON.stringify({ paused, alive, resumed: Boolean(resumed) }) };
          return { kind: 'served', detail: 'projection paused naming SQLITE_FULL, process alive, resumed by itself when space returned' };
        } finally {
          disk.close();
        }
      }),
  },
  {
    class: 'damaged-files',
    name: 'an event store file that is not a database',
    run: () =>
      withOwnApp(async (files, start) => {
        writeFileSync(eventsFile(files), 'garbage where the log should be\n'.repeat(300));
        try {
          await start();
        } catch (error) {
          const text = (error as Error).message;
          if (/Cannot open the event store at .*events\.sqlite.*SQLITE_NOTADB/s.test(text)) return { kind: 'refused', detail: 'refused to start, naming the file and SQLITE_NOTADB' };
          return { kind: 'failed', detail: `exited without naming the cause: ${text.slice(-400)}` };
        }
        return { kind: 'failed', detail: 'started on an event store that is not a database' };
      }),
  },
];
