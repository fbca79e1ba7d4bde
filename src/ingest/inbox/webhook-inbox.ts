import { createHash } from 'node:crypto';
import { createCommandBus, type CommandBus } from '../../aggregates/command-bus';
import { AggregateCache } from '../../core/aggregate-cache';
import type { ReceiveWebhookDelivery, WebhookIntakeCommand } from '../../aggregates/webhook-delivery/webhook-delivery.commands';
import { webhookDeliveryStream } from '../../aggregates/webhook-delivery/webhook-delivery.decider';
import type { WebhookDeliveryReceived } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import { webhookDeliveryRoutes } from '../../aggregates/webhook-delivery/webhook-delivery.routes';
import type { CommandMetadata } from '../../core/command-handler';
import { canonicalJson } from '../../core/command-digest';
import { ConcurrencyError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { Json } from '../../core/read-store.port';
import type { WebhookTool } from '../delivery';
import type { DeliveryDraft } from '../receiver/delivery-draft';

/** The delivery id is derived from what identifies the delivery, so every copy of it lands on one stream. */
export function deliveryIdOf(tool: WebhookTool, dedupeKey: string): string {
  return deterministicId(`WebhookDelivery\u0000${tool}\u0000${dedupeKey}`);
}

export interface Arrival {
  readonly tool: WebhookTool;
  readonly receivedAt: string;
  /** Unique per request: what the delivery causes carries it. */
  readonly correlationId: string;
  readonly headers: Record<string, string>;
}

export interface StoredDelivery {
  readonly deliveryId: string;
  readonly dedupeKey: string;
  readonly eventKind: string;
  /** True when an earlier request (or a concurrent one) had already stored it. */
  readonly duplicate: boolean;
  /** True when the stored delivery has another body: recorded as `WebhookDeliveryConflicted`. */
  readonly conflict?: boolean;
}

/**
 * The durable inbox: each delivery becomes `WebhookDeliveryReceived` on `WebhookDelivery-<id>`,
 * through the delivery's decider at `no_stream` (so nothing is read first). The stream is what
 * dedupes: a copy (earlier, or concurrent in the same batch) finds it there and fails alone with a
 * `ConcurrencyError`, in every store. The event's id is time-ordered rather than derived from the
 * delivery: it lands at the end of the store's id index instead of on a random page (~20 µs less
 * per delivery in SQLite).
 */
export class WebhookInbox {
  private readonly deliveries: CommandBus<WebhookIntakeCommand>;

  constructor(private readonly store: EventStore) {
    // Deliveries are written once here and followed by the worker: no state worth caching.
    this.deliveries = createCommandBus(store, webhookDeliveryRoutes, { cache: new AggregateCache(1), readBack: false });
  }

  async accept(drafts: readonly DeliveryDraft[], arrival: Arrival): Promise<StoredDelivery[]> {
    const unique = [...new Map(drafts.map((draft) => [draft.dedupeKey, draft])).values()];
    return Promise.all(unique.map((draft) => this.store1(draft, arrival)));
  }

  private async store1(draft: DeliveryDraft, arrival: Arrival): Promise<StoredDelivery> {
    const deliveryId = deliveryIdOf(arrival.tool, draft.dedupeKey);
    const command: ReceiveWebhookDelivery = {
      type: 'ReceiveWebhookDelivery',
      occurredAt: arrival.receivedAt,
      data: {
        deliveryId,
        tool: arrival.tool,
        dedupeKey: draft.dedupeKey,
        eventKind: draft.eventKind,
        receivedAt: arrival.receivedAt,
        headers: arrival.headers,
        payload: draft.payload,
      },
    };
    const metadata: CommandMetadata = { actor: `webhook:${arrival.tool}`, correlationId: arrival.correlationId, causationId: null, expectedRevision: 'no_stream' };
    const stored = { deliveryId, dedupeKey: draft.dedupeKey, eventKind: draft.eventKind };
    try {
      await this.deliveries.execute(command, metadata);
      return { ...stored, duplicate: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    const conflict = await this.recordConflict(command.data, metadata);
    return { ...stored, duplicate: true, ...(conflict ? { conflict } : {}) };
  }

  /**
   * A copy is compared with what is stored (read only on this duplicate path): the same identity
   * with another body is recorded for an admin, once per distinct body, and never processed.
   */
  private async recordConflict(copy: WebhookDeliveryReceived['data'], metadata: CommandMetadata): Promise<boolean> {
    const { deliveryId, tool, dedupeKey, eventKind, receivedAt, headers, payload } = copy;
    let first: WebhookDeliveryReceived['data'] | null = null;
    for await (const event of this.store.readStream(webhookDeliveryStream(deliveryId), { maxCount: 1 })) first = event.data as WebhookDeliveryReceived['data'];
    if (first === null) return false;
    const firstPayloadDigest = payloadDigest(first.payload);
    const digest = payloadDigest(payload);
    if (digest === firstPayloadDigest) return false;
    const conflictId = deterministicId(`WebhookConflict\u0000${deliveryId}\u0000${digest}`);
    const conflict = { deliveryId, tool, dedupeKey, eventKind, receivedAt, firstReceivedAt: first.receivedAt, firstPayloadDigest, payloadDigest: digest, headers: headers ?? {}, payload: payload ?? null };
    try {
      await this.deliveries.execute({ type: 'RecordWebhookConflict', occurredAt: receivedAt, data: { conflictId, conflict } }, { ...metadata, eventIdOf: () => conflictId });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    return true;
  }
}

function payloadDigest(payload: Json | undefined): string {
  return createHash('sha256').update(canonicalJson(payload ?? null)).digest('hex');
}
