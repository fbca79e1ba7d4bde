import { startApp, startWorker } from '../../app';
import type { AppConfig } from '../../config';
import { configureLogger, logger } from '../../logging/logger';
import { type CliIo, type CommandInput, exitCodes } from '../cli-command';
import { loadCliConfig } from '../cli-context';

function storesOf(config: AppConfig): { eventStore: string; readStore: string } {
  return {
    eventStore: config.eventStoreUrl ? 'EventStoreDB' : `embedded SQLite in ${config.dataDir}`,
    readStore: config.mongodbUrl ? 'MongoDB' : `embedded SQLite in ${config.dataDir}`,
  };
}

const nextSignal = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });

/**
 * Runs until SIGTERM or SIGINT, then stops gracefully (see `startApp` for the order). A stop that
 * outlasts SHUTDOWN_TIMEOUT_MS exits with 1, so an orchestrator never waits forever.
 */
async function runUntilSignalled(config: AppConfig, signalled: Promise<NodeJS.Signals>, running: { stop(): Promise<void> }): Promise<number> {
  const signal = await signalled;
  logger.info({ signal }, `${signal} received: finishing in-flight requests and batches, saving checkpoints, closing stores`);
  const deadline = setTimeout(() => {
    logger.error({ timeoutMs: config.ops.shutdownTimeoutMs }, 'graceful stop took too long: exiting');
    process.exit(exitCodes.failure);
  }, config.ops.shutdownTimeoutMs);
  deadline.unref();
  await running.stop();
  clearTimeout(deadline);
  logger.info('stopped');
  return exitCodes.ok;
}

export async function serve(_input: CommandInput, io: CliIo): Promise<number> {
  const config = loadCliConfig(io);
  configureLogger({ level: config.ops.logLevel, output: 'stdout' });
  // Listening first: a signal during start-up then stops what has started instead of killing it.
  const signalled = nextSignal();
  const app = await startApp(config);
  logger.info({ url: app.url, ...storesOf(config) }, `Zixly Ops listening on ${app.url}: dashboards on ${app.url}/, GraphQL on ${app.url}/graphql`);
  return runUntilSignalled(config, signalled, app);
}

export async function worker(_input: CommandInput, io: CliIo): Promise<number> {
  const config = loadCliConfig(io);
  configureLogger({ level: config.ops.logLevel, output: 'stdout' });
  const signalled = nextSignal();
  const running = await startWorker(config);
  const probes = running.url ? `probes and metrics on ${running.url}` : 'no HTTP port (set WORKER_PORT for probes and metrics)';
  logger.info({ url: running.url, ...storesOf(config) }, `Zixly Ops worker running: projections, webhook deliveries and workflows; ${probes}`);
  return runUntilSignalled(config, signalled, running);
}
