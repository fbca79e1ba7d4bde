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

/** `--no-processors` and `--only` are the command-line spelling of `PROCESSORS`. */
function withProcessors(input: CommandInput, io: CliIo): CliIo {
  const only = input.options.only as readonly string[] | undefined;
  const processors = input.options['no-processors'] === true ? 'none' : only && only.length > 0 ? only.join(',') : undefined;
  return processors === undefined ? io : { ...io, env: { ...io.env, PROCESSORS: processors } };
}

export async function serve(input: CommandInput, io: CliIo): Promise<number> {
  const config = loadCliConfig(withProcessors(input, io));
  configureLogger({ level: config.ops.logLevel, output: 'stdout' });
  // Listening first: a signal during start-up then stops what has started instead of killing it.
  const signalled = nextSignal();
  const app = await startApp(config);
  logger.info({ url: app.url, boundAddress: app.boundAddress, ...storesOf(config) }, listeningLine(app.boundAddress, app.url));
  return runUntilSignalled(config, signalled, app);
}

export async function worker(input: CommandInput, io: CliIo): Promise<number> {
  const config = loadCliConfig(withProcessors(input, io));
  configureLogger({ level: config.ops.logLevel, output: 'stdout' });
  const signalled = nextSignal();
  const running = await startWorker(config);
  const probes = running.url ? `probes and metrics on ${boundText(running.boundAddress!, running.url)}` : 'no HTTP port (set WORKER_PORT for probes and metrics)';
  logger.info({ url: running.url, boundAddress: running.boundAddress, ...storesOf(config) }, `Zixly Ops worker running: projections, webhook deliveries and workflows; ${probes}`);
  return runUntilSignalled(config, signalled, running);
}

/** The start-up line names the bound address first: a wildcard bind is reachable from other machines too. */
export function listeningLine(boundAddress: string, url: string): string {
  return `Zixly Ops listening on ${boundText(boundAddress, url)}: dashboards on ${url}/, GraphQL on ${url}/graphql`;
}

function boundText(boundAddress: string, url: string): string {
  const everywhere = boundAddress.startsWith('0.0.0.0:') || boundAddress.startsWith('[::]:');
  return everywhere ? `${boundAddress} (every interface; ${url} from this machine)` : url;
}
