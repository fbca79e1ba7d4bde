import type { RejectDocument } from '../../ingest/quarantine/reject-store';
import { onboardTestClients } from '../test-clients';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { commandRoutes, type BusinessCommand } from '../../aggregates';
import { createCommandBus } from '../../aggregates/command-bus';
import { loadConfig } from '../../config';
import { collect, type EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { ReadStore } from '../../core/read-store.port';
import { systemClock, type Clock } from '../../core/time';
import { startHttpServer } from '../../http/http-server';
import type { WebhookTool } from '../../ingest/delivery';
import { signChatwoot } from '../../tools/chatwoot/chatwoot.signing.fake';
import { signInvoiceNinja } from '../../tools/invoiceninja/invoiceninja.signing.fake';
import { signMautic } from '../../tools/mautic/mautic.signing.fake';
import { signNextcloud } from '../../tools/nextcloud/nextcloud.signing.fake';
import { signPlane } from '../../tools/plane/plane.signing.fake';
import { signXero } from '../../tools/xero/xero.signing.fake';
import type { SignOptions, WebhookSigner } from '../tools/webhook-signer';
import { type IngestRouteOptions, type IngestServices, ingestRoutes } from '../../ingest/receiver/webhook.routes';

/** One secret per tool, long enough for the configuration's check. */
export const testSecrets: Readonly<Record<WebhookTool, string>> = {
  plane: 'plane_wh_0123456789abcdef0123456789abcdef',
  chatwoot: 'chatwoot-secret-24chars!',
  invoiceninja: 'invoiceninja-shared-secret-0001',
  xero: 'xero-webhook-key-0123456789abcdefXYZ',
  mautic: 'mautic-webhook-secret-000000001',
  nextcloud: 'nextcloud-shared-secret-0000001',
};

export const secretEnv = (secrets: Partial<Record<WebhookTool, string>> = testSecrets) =>
  Object.fromEntries(Object.entries(secrets).map(([tool, secret]) => [`WEBHOOK_SECRET_${tool.toUpperCase()}`, secret]));

export type { SignOptions } from '../tools/webhook-signer';

const signers: Readonly<Record<WebhookTool, WebhookSigner>> = {
  plane: signPlane,
  chatwoot: signChatwoot,
  invoiceninja: signInvoiceNinja,
  xero: signXero,
  mautic: signMautic,
  nextcloud: signNextcloud,
};

/** The headers a tool sends with `body`, signed (or carrying the secret) as that tool does (`src/tools/<tool>/<tool>.signing.fake.ts`). */
export function signedHeaders(tool: WebhookTool, body: string | Buffer, options: SignOptions = {}): Record<string, string> {
  return signers[tool](body, options.secret ?? testSecrets[tool], options);
}

/** A small valid body per tool (what the translator under test expects is up to each test). */
export function sampleBody(tool: WebhookTool, id = '1'): string {
  switch (tool) {
    case 'plane':
      return JSON.stringify({ event: 'issue', action: 'created', webhook_id: 'wh-1', workspace_id: 'ws-1', data: { id } });
    case 'chatwoot':
      return JSON.stringify({ event: 'conversation_created', id, status: 'open' });
    case 'invoiceninja':
      return JSON.stringify({ id: `cl-${id}`, name: 'Globex', updated_at: 1779876543 });
    case 'xero':
      return JSON.stringify({ events: [xeroEvent(id)], firstEventSequence: 1, lastEventSequence: 1, entropy: 'ABCDEFGHIJ' });
    case 'mautic':
      return JSON.stringify({ 'mautic.form_on_submit': [{ submission: { id }, timestamp: '2026-05-27T10:00:03+00:00' }] });
    case 'nextcloud':
      return JSON.stringify({ event: { node: { id, path: '/jane/files/a.pdf' }, class: 'OCP\\Files\\Events\\Node\\NodeCreatedEvent' }, user: { uid: 'jane' }, time: 1779880999 });
  }
}

export function xeroEvent(resourceId: string) {
  return { resourceUrl: `https://api.xero.com/api.xro/2.0/Invoices/${resourceId}`, resourceId, eventDateUtc: '2026-06-02T09:31:04.198', eventType: 'UPDATE', eventCategory: 'INVOICE', tenantId: 't-1', tenantType: 'ORGANISATION' };
}

export interface IngestHarness {
  readonly url: string;
  readonly services: IngestServices;
  readonly store: EventStore;
  readonly reads: ReadStore;
  post(tool: WebhookTool | string, body: string | Buffer, headers: Record<string, string>, method?: string): Promise<{ status: number; text: string; json: any; headers: Headers }>;
  events(category: string): Promise<RecordedEvent[]>;
  flushQuarantine(): Promise<void>;
  /** Unauthenticated rejects, newest first. */
  rejects(): Promise<RejectDocument[]>;
  close(): Promise<void>;
}

/** The webhook routes on a real HTTP server (port 0) over SQLite `:memory:` stores. */
export async function openIngestHarness(env: Record<string, string> = secretEnv(), options: IngestRouteOptions & { clock?: Clock } = {}): Promise<IngestHarness> {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const reads = await openSqliteReadStore({ path: ':memory:' });
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const services: IngestServices = { config, clock: options.clock ?? systemClock, eventStore: store, readStore: reads, commands: createCommandBus<BusinessCommand>(store, commandRoutes) };
  await onboardTestClients(services.commands, ['client-1', 'client-7']);
  const endpoint = ingestRoutes(services, options);
  const server = await startHttpServer(endpoint.routes, 0, '127.0.0.1');
  return {
    url: server.url,
    services,
    store,
    reads,
    async post(tool, body, headers, method = 'POST') {
      const response = await fetch(`${server.url}/webhooks/${tool}`, { method, body: method === 'GET' || method === 'HEAD' ? null : body, headers });
      const text = await response.text();
      return { status: response.status, text, json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null, headers: response.headers };
    },
    events: (category) => collect(store.readAll({ categories: [category] })),
    flushQuarantine: () => endpoint.stop(),
    rejects: async () => (await endpoint.rejects.list({}, 200)).documents,
    async close() {
      await endpoint.stop();
      await server.close();
      await store.close();
      await reads.close();
    },
  };
}

/** Polls `probe` until it returns a value that is not undefined (or fails after `timeoutMs`). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
