import { startApp } from './app';
import { ConfigError, loadConfig, readDotEnv } from './config';

async function main(): Promise<void> {
  const config = loadConfig(readDotEnv('.env'));
  const app = await startApp(config);
  const store = config.eventStoreUrl ? 'EventStoreDB' : `embedded SQLite in ${config.dataDir}`;
  console.log(`Zixly Ops listening on ${app.url} (GraphQL on ${app.url}/graphql, event store: ${store})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing subscriptions, finishing in-flight requests, stopping projections, closing stores`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
