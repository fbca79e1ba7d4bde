import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphql, type GraphQLSchema } from 'graphql';
import { type RunningApp, startApp } from '../app';
import { loadConfig } from '../config';
import { randomId } from '../core/ids';
import type { GraphQLContext } from '../schema/context';

export interface BenchServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The composed app on an existing DATA_DIR (its events.sqlite already filled), on 127.0.0.1 and a
 * free port; returns once every read model has applied the whole log. Run it with
 * WORKFLOWS_ENABLED=false: workflows would react to the demo history and call tools.
 */
export async function startBenchApp(dataDir: string): Promise<{ app: RunningApp; adminKey: string }> {
  const adminKey = `zx_bench_admin_${randomId().replaceAll('-', '')}`;
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'warn', SQLITE_SYNCHRONOUS: 'NORMAL', ZIXLY_ADMIN_KEY: adminKey, API_RATE_LIMIT_PER_MINUTE: '1000000', API_RATE_LIMIT_BURST: '100000' });
  const app = await startApp(config);
  const head = await app.services.eventStore.headPosition();
  if (head !== null && !(await app.services.projections.waitFor(head, 600_000))) throw new Error('The read models did not catch up with the demo history in 10 minutes');
  return { app, adminKey };
}

/** A VIEWER key created through the API, as an admin would. */
export async function viewerKey(app: RunningApp, adminKey: string): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query: 'mutation { createApiKey(name: "bench viewer", role: VIEWER) { secret } }' }),
  });
  const { data } = (await response.json()) as { data?: { createApiKey: { secret: string } } };
  if (!data) throw new Error('Could not create the VIEWER key for the benchmark');
  return data.createApiKey.secret;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The baseline: `graphql()` of graphql-js on the same schema and the same per-request context as
 * the app builds, behind a bare node:http handler — no Apollo, no API-key lookup, no plugins.
 */
export async function startBareGraphqlServer(schema: GraphQLSchema, context: (correlationId: string) => GraphQLContext): Promise<BenchServer> {
  const server = createServer(async (request, response) => {
    const { query, variables } = JSON.parse(await bodyOf(request)) as { query: string; variables?: Record<string, unknown> };
    const result = await graphql({ schema, source: query, variableValues: variables, contextValue: context(randomUUID()) });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  });
  return listenOnLoopback(server);
}

/** Serves a baseline server on a free loopback port; closing also drops its kept-alive connections. */
export async function listenOnLoopback(server: Server): Promise<BenchServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
