import { once } from 'node:events';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../app';
import { loadConfig } from '../config';
import type { BenchServer } from './graphql-servers.bench';
import { startBareReceiver, startReceiverOnly } from './ingest-baselines.bench';
import { runBenchChild } from './bench-child';

/** What the child tells the parent once its servers listen. */
export interface IngestServers {
  readonly appUrl: string;
  readonly bareUrl: string;
  readonly receiverOnlyUrl: string;
}

const configOf = (dataDir: string) => {
  const env = process.env;
  return loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    NODE_ENV: 'production',
    WORKFLOWS_ENABLED: 'false',
    ZIXLY_ADMIN_KEY: env.ZIXLY_ADMIN_KEY,
    WEBHOOK_SECRET_CHATWOOT: env.WEBHOOK_SECRET_CHATWOOT,
    // The freshness poller asks every 10 ms (6,000 requests a minute) with one key: beyond the
    // default per-key limit, which is there for callers, not for the benchmark's own probe.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    API_RATE_LIMIT_BURST: '100000',
    ...(env.LOG_LEVEL ? { LOG_LEVEL: env.LOG_LEVEL } : {}),
    ...(env.SQLITE_SYNCHRONOUS ? { SQLITE_SYNCHRONOUS: env.SQLITE_SYNCHRONOUS } : {}),
  });
};

/**
 * argv: the DATA_DIR. The composed app as `zixly serve` runs it (webhook worker and projections in
 * the process, the default `SQLITE_SYNCHRONOUS=FULL` and log level) on a free port, with the
 * Chatwoot secret and admin key from the environment; beside it the bare receiver and the
 * receiver alone (on stores of its own). All stop when the parent sends `stop`.
 */
async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2) as [string];
  let app: RunningApp | null = null;
  const others: BenchServer[] = [];
  try {
    app = await startApp(configOf(dataDir));
    const bare = await startBareReceiver();
    others.push(bare);
    const receiverOnly = await startReceiverOnly(configOf(join(dataDir, 'receiver-only')));
    others.push(receiverOnly);
    const stopped = once(process, 'message');
    process.send!({ appUrl: app.url, bareUrl: bare.url, receiverOnlyUrl: receiverOnly.url } satisfies IngestServers);
    await stopped;
  } finally {
    for (const server of others) await server.close();
    await app?.stop();
  }
}

runBenchChild(main);
