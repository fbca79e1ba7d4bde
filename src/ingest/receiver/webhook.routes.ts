import { METHODS } from 'node:http';
import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { EventStore } from '../../core/event-store.port';
import type { ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { Route } from '../../http/http-server';
import { logger } from '../../logging/logger';
import { webhookTools as toolNames, type WebhookTool } from '../delivery';
import { WebhookInbox } from '../inbox/webhook-inbox';
import { secretVariable, type WebhookConfig } from '../ingest.config';
import { RejectStore } from '../quarantine/reject-store';
import { WebhookQuarantine } from '../quarantine/webhook-quarantine';
import { WebhookReceiver } from './webhook-receiver';
import { type ToolIngest, webhookReceivers } from './webhook-tools';

/** What the webhook door and its worker use, handed over by the composition root. */
export interface IngestServices {
  readonly config: { readonly webhooks: WebhookConfig; readonly nodeEnv: string };
  readonly clock: Clock;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly commands: CommandBus<BusinessCommand>;
}

export interface IngestEndpoint {
  readonly routes: Route[];
  /** Unauthenticated rejects, bounded; listed by the ADMIN query `webhookRejects`. */
  readonly rejects: RejectStore;
  /** Writes the quarantine's open summaries. */
  stop(): Promise<void>;
}

export interface IngestRouteOptions {
  readonly maxBodyBytes?: number;
}

/** `/webhooks/<tool>`: verify, store in the inbox, answer. Disabled tools are named once at start. */
export function ingestRoutes(services: IngestServices, options: IngestRouteOptions = {}): IngestEndpoint {
  const { secrets } = services.config.webhooks;
  const disabled = toolNames.filter((tool) => secrets[tool] === null);
  if (disabled.length > 0 && services.config.nodeEnv !== 'test') {
    const hint = disabled.map(secretVariable).join(', ');
    logger.warn({ component: 'ingest', tools: disabled }, `webhooks disabled for ${disabled.join(', ')}: set ${hint}`);
  }
  const rejects = new RejectStore(services.readStore, services.config.webhooks.rejectRetention, services.clock);
  const quarantine = new WebhookQuarantine({ store: services.eventStore, clock: services.clock, perMinute: services.config.webhooks.quarantinePerMinute, rejects });
  const tools = webhookReceivers(services.config.webhooks);
  const receiver = new WebhookReceiver({ tools, secrets, inbox: new WebhookInbox(services.eventStore), quarantine, clock: services.clock, ...options });
  return { routes: webhookRoutes(receiver, tools), rejects, stop: () => quarantine.flush() };
}

export const webhooksPath = '/webhooks';

function toolOf(path: string): WebhookTool | null {
  const segment = path.slice(webhooksPath.length + 1).split('/')[0] ?? '';
  return (toolNames as readonly string[]).includes(segment) ? (segment as WebhookTool) : null;
}

/** `/webhooks/invoiceninja/create_payment` → `create_payment`. */
function suffixOf(tool: WebhookTool, url: string | undefined): string | null {
  const path = new URL(url ?? '/', 'http://localhost').pathname;
  const suffix = path.slice(`${webhooksPath}/${tool}/`.length);
  if (suffix === '') return null;
  try {
    return decodeURIComponent(suffix);
  } catch {
    return suffix;
  }
}

/**
 * `POST /webhooks/<tool>` for each tool (and `PUT`, `/webhooks/invoiceninja/<event>` where the tool
 * needs them). Everything else under `/webhooks` is caught here for every method node knows, so the
 * router never answers 404 or 405 there: Invoice Ninja deletes a subscription on those.
 */
export function webhookRoutes(receiver: WebhookReceiver, tools: Readonly<Record<WebhookTool, ToolIngest>>): Route[] {
  const routes: Route[] = [];
  for (const tool of toolNames) {
    const ingest = tools[tool];
    for (const method of ingest.methods) {
      routes.push({ method, path: `${webhooksPath}/${tool}`, handle: (request, response) => receiver.receive(tool, request, response, null) });
      if (ingest.pathSuffix) {
        const handle: Route['handle'] = (request, response) => receiver.receive(tool, request, response, suffixOf(tool, request.url));
        routes.push({ method, path: `${webhooksPath}/${tool}/*`, handle });
      }
    }
  }
  const refuse: Route['handle'] = (request, response) => receiver.refuseUnrouted(toolOf(new URL(request.url ?? '/', 'http://localhost').pathname), request, response);
  for (const method of METHODS) routes.push({ method, path: `${webhooksPath}/*`, handle: refuse }, { method, path: webhooksPath, handle: refuse });
  return routes;
}
