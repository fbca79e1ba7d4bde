import { createServer } from 'node:http';
import { commandRoutes, type BusinessCommand } from '../aggregates';
import { createCommandBus } from '../aggregates/command-bus';
import { openEventStore, openReadStore } from '../app-stores';
import type { AppConfig } from '../config';
import { systemClock } from '../core/time';
import { startHttpServer } from '../http/http-server';
import { logExchange } from '../http/request-log';
import { ingestRoutes } from '../ingest/receiver/webhook.routes';
import { type BenchServer, listenOnLoopback } from './graphql-servers.bench';

/**
 * The baseline: a bare `node:http` server that reads the whole body and answers 202 — what any
 * receiver pays before verifying, storing or answering anything.
 */
export async function startBareReceiver(): Promise<BenchServer> {
  const accepted = JSON.stringify({ status: 'accepted' });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      Buffer.concat(chunks);
      response.writeHead(202, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(accepted) });
      response.end(accepted);
    });
  });
  return listenOnLoopback(server);
}

/**
 * Not a baseline but a split of the cost: the product's webhook routes (verify, inbox append,
 * answer, request log) on their own stores in `config.dataDir`, without the webhook worker, the
 * projections and the API that share the composed app's event loop.
 */
export async function startReceiverOnly(config: AppConfig): Promise<BenchServer> {
  const { store } = await openEventStore(config);
  const { readStore } = await openReadStore(config, { repair: true });
  const commands = createCommandBus<BusinessCommand>(store, commandRoutes);
  const endpoint = ingestRoutes({ config, clock: systemClock, eventStore: store, readStore, commands });
  const server = await startHttpServer(endpoint.routes, 0, '127.0.0.1', [logExchange], { requestTimeoutMs: config.ops.httpRequestTimeoutMs });
  return {
    url: server.url,
    async close() {
      await server.close();
      await endpoint.stop();
      await store.close();
      await readStore.close();
    },
  };
}
