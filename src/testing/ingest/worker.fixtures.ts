import { UpstreamError } from '../../core/errors';
import type { RecordedEvent } from '../../core/messages';
import type { Json } from '../../core/read-store.port';
import { type Delivery, type IdentityLookup, type Translation, type Translator, webhookTools, type WebhookTool } from '../../ingest/delivery';
import { type IngestHarness, signedHeaders } from './ingest.fixtures';
import type { IngestServices } from '../../ingest/receiver/webhook.routes';
import { startIngestWorker } from '../../ingest/worker/start-ingest-worker';
import type { WebhookWorker } from '../../ingest/worker/webhook-worker';

/** What a test delivery asks the tiny translator for; sent as a Plane v2 body so the dedupe key is `event_id`. */
export interface TicketOp {
  readonly id: string;
  readonly op: 'open' | 'resolve' | 'rate_badly' | 'ignore' | 'invalid' | 'upstream_down' | 'open_for_contact';
  readonly ticketId?: string;
  readonly at?: string;
  readonly contact?: string;
}

export const ticketOpBody = (op: TicketOp): string => JSON.stringify({ version: 'v2', event_id: op.id, event: 'workitem.updated', data: op });

/** A tiny translator over `TicketOp`, standing in for the real ones: tickets, identities, failures. */
export const ticketTranslator: Translator = (delivery: Delivery, identities: IdentityLookup): Translation => {
  const op = (delivery.payload as { data: TicketOp & { [key: string]: Json } }).data;
  const ticketId = op.ticketId ?? 'T-1';
  const occurredAt = op.at ?? '2026-06-01T00:00:00.000Z';
  const source = { tool: delivery.tool, externalId: op.id };
  const openTicket = (clientId: string) => ({
    outcome: 'commands' as const,
    commands: [{ command: { type: 'OpenTicket' as const, occurredAt, data: { ticketId, clientId, channel: 'chat' as const, priority: 'LOW' as const, subject: 'Help' } }, source }],
  });
  switch (op.op) {
    case 'open':
      return openTicket('client-1');
    case 'open_for_contact': {
      const clientId = identities.clientByToolId(delivery.tool, op.contact!);
      return clientId === null ? { outcome: 'unmapped', tool: delivery.tool, externalId: op.contact!, reason: 'contact not linked to a client' } : openTicket(clientId);
    }
    case 'resolve':
      return { outcome: 'commands', commands: [{ command: { type: 'ResolveTicket', occurredAt, data: { ticketId } }, source }] };
    case 'rate_badly':
      return { outcome: 'commands', commands: [{ command: { type: 'RateTicket', occurredAt, data: { ticketId, ratingId: op.id, score: 9 } }, source }] };
    case 'ignore':
      return { outcome: 'ignored', reason: 'not used' };
    case 'invalid':
      return { outcome: 'invalid', reason: 'no subject' };
    case 'upstream_down':
      throw new UpstreamError('identities.unavailable', 'identity store unavailable');
  }
};

export const testTranslators = Object.fromEntries(webhookTools.map((tool) => [tool, ticketTranslator])) as Record<WebhookTool, Translator>;

/** Links made during a test: `links['plane:contact-7'] = 'client-7'`. */
export class MutableIdentities implements IdentityLookup {
  readonly links: Record<string, string> = {};
  clientByToolId(tool: WebhookTool, externalId: string): string | null {
    return this.links[`${tool}:${externalId}`] ?? null;
  }
  clientByEmailDomain(): string | null {
    return null;
  }
}

export function startTestWorker(services: IngestServices, identities: IdentityLookup = new MutableIdentities(), identitiesReached?: (position: bigint) => Promise<boolean>): Promise<WebhookWorker> {
  return startIngestWorker(services, { translators: testTranslators, identities: () => identities, ...(identitiesReached && { identitiesReached }) }, { random: () => 0.5 });
}

export async function sendOp(harness: IngestHarness, op: TicketOp): Promise<number> {
  const body = ticketOpBody(op);
  return (await harness.post('plane', body, signedHeaders('plane', body))).status;
}

/** The events of one delivery's stream, by the op id it was sent with. */
export async function deliveryEvents(harness: IngestHarness, opId: string): Promise<RecordedEvent[]> {
  const all = await harness.events('WebhookDelivery');
  const received = all.find((event) => event.type === 'WebhookDeliveryReceived' && (event.data as { dedupeKey: string }).dedupeKey === `v2:${opId}`);
  return received ? all.filter((event) => event.stream === received.stream) : [];
}

export const typesOf = (events: readonly RecordedEvent[]) => events.map((event) => event.type);
