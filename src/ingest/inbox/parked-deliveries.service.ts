import { ConcurrencyError, DomainRuleError, NotFoundError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { NewEvent } from '../../core/messages';
import type { DocumentFilter, FindResult, ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { WebhookDeliveryDocument } from '../../projections/operations/webhook-deliveries.projection';
import { webhookDeliveryStream, type WebhookParkReason } from '../webhook-delivery.events';
import { loadDelivery } from './delivery-record';
import type { WebhookDeliveryRedriven } from './webhook-redriven.events';

export const webhookDeliveriesCollection = 'webhook_deliveries';

export interface ParkedFilter {
  readonly tool?: string | null;
  readonly reason?: WebhookParkReason | null;
}

export interface Requester {
  readonly actor: string;
  readonly correlationId: string;
}

const bulkPage = 200;

/**
 * Parked deliveries for people: listed from the `webhook_deliveries` read model (which may lag a
 * little), redriven on the delivery's own stream after checking there that it is still parked.
 */
export class ParkedDeliveries {
  constructor(
    private readonly store: EventStore,
    private readonly reads: ReadStore,
    private readonly clock: Clock,
  ) {}

  page(filter: ParkedFilter, first: number, after?: string | null): Promise<FindResult<WebhookDeliveryDocument>> {
    return this.reads.find<WebhookDeliveryDocument>(webhookDeliveriesCollection, {
      filter: filterOf(filter),
      sort: [['parkedAt', 1]],
      limit: first,
      ...(after ? { after } : {}),
    });
  }

  /** Hands a parked delivery back to the worker for a new run of attempts. */
  async redrive(deliveryId: string, requester: Requester): Promise<WebhookDeliveryRedriven['data']> {
    const record = await loadDelivery(this.store, deliveryId);
    if (record === null) throw new NotFoundError('webhook_delivery.not_found', `No webhook delivery ${deliveryId}`, { deliveryId });
    if (record.status !== 'parked' || record.parkReason === null) {
      throw new DomainRuleError('webhook_delivery.not_parked', `Webhook delivery ${deliveryId} is ${record.status}, not parked`, { deliveryId, status: record.status });
    }
    const data = { deliveryId, tool: record.received.data.tool, previousReason: record.parkReason, run: record.run + 1 };
    const event: NewEvent<WebhookDeliveryRedriven> = {
      id: deterministicId(`WebhookDeliveryRedriven\u0000${deliveryId}\u0000${data.run}`),
      type: 'WebhookDeliveryRedriven',
      data,
      metadata: { occurredAt: this.clock().toISOString(), correlationId: requester.correlationId, causationId: record.received.id, actor: requester.actor },
    };
    await this.store.append(webhookDeliveryStream(deliveryId), [event], record.revision);
    return data;
  }

  /**
   * Redrives every parked delivery of a tool (and reason), e.g. all `unmapped` ones after linking a
   * client. Deliveries the read model still shows as parked but that moved on are skipped.
   */
  async redriveParked(filter: ParkedFilter, requester: Requester): Promise<string[]> {
    const redriven: string[] = [];
    const candidates: string[] = [];
    let after: string | null = null;
    do {
      const page: FindResult<WebhookDeliveryDocument> = await this.page(filter, bulkPage, after);
      candidates.push(...page.documents.map((document) => document.deliveryId));
      after = page.nextCursor;
    } while (after !== null);
    for (const deliveryId of candidates) {
      try {
        await this.redrive(deliveryId, requester);
        redriven.push(deliveryId);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) && !(error instanceof DomainRuleError)) throw error;
      }
    }
    return redriven;
  }
}

function filterOf({ tool, reason }: ParkedFilter): DocumentFilter {
  return { kind: 'delivery', status: 'parked', ...(tool ? { tool } : {}), ...(reason ? { parkReason: reason } : {}) };
}
