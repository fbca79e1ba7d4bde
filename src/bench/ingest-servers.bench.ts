import { fork } from 'node:child_process';
import { once } from 'node:events';
import { basename, extname, join } from 'node:path';
import { randomId } from '../core/ids';
import { linkClients } from '../reliability/support/app-readiness';
import { graphqlData } from '../reliability/support/graphql-call';
import type { WorkloadClient } from '../reliability/workload/workload.types';
import type { IngestServers } from './ingest-server.child';

/** The client every benchmark conversation belongs to, linked to its Chatwoot contact before any delivery. */
export const benchClient: WorkloadClient = {
  clientId: 'client-bench',
  name: 'Bench Client',
  domain: 'bench-client.example',
  chatwootContactId: '4242',
  invoiceNinjaClientId: 'clibench01',
};

export interface RunningIngestServers extends IngestServers {
  readonly secret: string;
  readonly adminKey: string;
  /** CPU time (user + system) of the server process so far, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Forks the composed app and the bare receiver into one child (NODE_ENV=production, workflows off)
 * on `dataDir`; the load comes from this process, so load generation and serving do not share an
 * event loop. Resolves once both listen.
 */
export async function startIngestServers(dataDir: string): Promise<RunningIngestServers> {
  const secret = `bench-chatwoot-${randomId()}`;
  const adminKey = `zx_bench_admin_${randomId().replaceAll('-', '')}`;
  const child = fork(join(__dirname, `ingest-server.child${extname(__filename)}`), [dataDir], {
    // `BENCH_CPU_PROF=1` writes the server's CPU profile into the data directory's parent (the temp directory).
    execArgv: process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(dataDir, '..')}`, `--cpu-prof-name=${basename(dataDir)}.cpuprofile`] : [],
    env: { ...process.env, NODE_ENV: 'production', WORKFLOWS_ENABLED: 'false', WEBHOOK_SECRET_CHATWOOT: secret, ZIXLY_ADMIN_KEY: adminKey },
    // The app logs a JSON line per request on stdout, as deployed; the benchmark's own output stays readable.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [servers] = (await Promise.race([once(child, 'message'), exited.then(([code]) => Promise.reject(new Error(`The ingest server exited with code ${code} before listening`)))])) as [IngestServers];
  return {
    ...servers,
    secret,
    adminKey,
    cpuMs: () => cpuOf(child.pid!),
    async stop() {
      child.send('stop');
      const [code] = (await exited) as [number | null];
      if (code !== 0) throw new Error(`The ingest server exited with code ${code}`);
    },
  };
}

/** utime + stime of a process from /proc (Linux), in ms; NaN elsewhere. */
async function cpuOf(pid: number): Promise<number> {
  try {
    const { readFile } = await import('node:fs/promises');
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Onboards the bench client and links its Chatwoot contact as an admin would, then returns a VIEWER key for the dashboards. */
export async function prepareClient(servers: RunningIngestServers): Promise<string> {
  await linkClients(servers.appUrl, servers.adminKey, [benchClient]);
  const created = await graphqlData<{ createApiKey: { secret: string } }>(servers.appUrl, servers.adminKey, 'mutation { createApiKey(name: "bench viewer", role: VIEWER) { secret } }');
  return created.createApiKey.secret;
}
