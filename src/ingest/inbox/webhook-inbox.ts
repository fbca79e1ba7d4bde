import type { EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { NewEvent } from '../../core/messages';
import type { WebhookTool } from '../delivery';
import type { DeliveryDraft } from '../receiver/delivery-draft';
import { webhookDeliveryStream, type WebhookDeliveryReceived } from '../webhook-delivery.events';

/** The delivery id is derived from what identifies the delivery, so every copy of it lands on one stream. */
export function deliveryIdOf(tool: WebhookTool, dedupeKey: string): string {
  return deterministicId(`WebhookDelivery\u0000${tool}\u0000${dedupeKey}`);
}

export interface Arrival {
  readonly tool: WebhookTool;
  readonly receivedAt: string;
  /** Unique per request: tells the request that stored a delivery from one that found it stored. */
  readonly correlationId: string;
  readonly headers: Record<string, string>;
}

export interface StoredDelivery {
  readonly deliveryId: string;
  readonly dedupeKey: string;
  readonly eventKind: string;
  /** True when an earlier request (or a concurrent one) had already stored it. */
  readonly duplicate: boolean;
}

/**
 * The durable inbox: each delivery becomes `WebhookDeliveryReceived` on `WebhookDelivery-<id>`,
 * appended at `no_stream` with an id derived from the delivery. A copy re-appends the same id,
 * which the store treats as done, so concurrent copies store one event; the append says whether
 * it wrote the event (or, where the store cannot tell, reading it back says which request did).
 */
export class WebhookInbox {
  constructor(private readonly store: EventStore) {}

  async accept(drafts: readonly DeliveryDraft[], arrival: Arrival): Promise<StoredDelivery[]> {
    const unique = [...new Map(drafts.map((draft) => [draft.dedupeKey, draft])).values()];
    return Promise.all(unique.map((draft) => this.store1(draft, arrival)));
  }

  private async store1(draft: DeliveryDraft, arrival: Arrival): Promise<StoredDelivery> {
    const deliveryId = deliveryIdOf(arrival.tool, draft.dedupeKey);
    const stream = webhookDeliveryStream(deliveryId);
    const event: NewEvent<WebhookDeliveryReceived> = {
      id: deterministicId(`WebhookDeliveryReceived\u0000${deliveryId}`),
      type: 'WebhookDeliveryReceived',
      data: {
        deliveryId,
        tool: arrival.tool,
        dedupeKey: draft.dedupeKey,
        eventKind: draft.eventKind,
        receivedAt: arrival.receivedAt,
        headers: arrival.headers,
        payload: draft.payload,
      },
      metadata: { occurredAt: arrival.receivedAt, correlationId: arrival.correlationId, causationId: null, actor: `webhook:${arrival.tool}` },
    };
    const { replayed } = await this.store.append(stream, [event], 'no_stream');
    // A store that cannot say whether this append wrote the event is asked which request did.
    const duplicate = replayed ?? ((await this.firstCorrelationId(stream)) !== arrival.correlationId);
    return { deliveryId, dedupeKey: draft.dedupeKey, eventKind: draft.eventKind, duplicate };
  }

  private async firstCorrelationId(stream: string): Promise<string | null> {
    for await (const event of this.store.readStream(stream, { maxCount: 1 })) return event.metadata.correlationId;
    return null;
  }
}
