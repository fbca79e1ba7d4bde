import { createCommandBus, type CommandBus } from '../../aggregates/command-bus';
import type { WebhookIntakeCommand } from '../../aggregates/webhook-delivery/webhook-delivery.commands';
import type { WebhookDeliveryRedriven, WebhookParkReason } from '../../aggregates/webhook-delivery/webhook-delivery.events';
import { webhookDeliveryRoutes } from '../../aggregates/webhook-delivery/webhook-delivery.routes';
import { AggregateCache } from '../../core/aggregate-cache';
import { ConcurrencyError, DomainRuleError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { DocumentFilter, FindResult, ReadStore } from '../../core/read-store.port';
import type { Clock } from '../../core/time';
import type { WebhookDeliveryDocument } from '../../projections/operations/webhook-deliveries.projection';
import { loadDelivery } from './delivery-record';

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
  private readonly cache = new AggregateCache();
  private readonly deliveries: CommandBus<WebhookIntakeCommand>;

  constructor(
    private readonly store: EventStore,
    private readonly reads: ReadStore,
    private readonly clock: Clock,
  ) {
    this.deliveries = createCommandBus(store, webhookDeliveryRoutes, { cache: this.cache });
  }

  page(filter: ParkedFilter, first: number, after?: string | null): Promise<FindResult<WebhookDeliveryDocument>> {
    return this.reads.find<WebhookDeliveryDocument>(webhookDeliveriesCollection, {
      filter: filterOf(filter),
      sort: [['parkedAt', 1]],
      limit: first,
      ...(after ? { after } : {}),
    });
  }

  /** Hands a parked delivery back to the worker for a new run of attempts (the decider refuses one not parked). */
  async redrive(deliveryId: string, requester: Requester): Promise<WebhookDeliveryRedriven['data']> {
    const record = await loadDelivery(this.store, deliveryId, this.cache);
    const result = await this.deliveries.execute(
      { type: 'RedriveDelivery', occurredAt: this.clock().toISOString(), data: { deliveryId } },
      {
        actor: requester.actor,
        correlationId: requester.correlationId,
        causationId: record?.received.id ?? null,
        ...(record ? { expectedRevision: record.revision } : {}),
        eventIdOf: (event) => deterministicId(`${event.type}\u0000${deliveryId}\u0000${(event.data as WebhookDeliveryRedriven['data']).run}`),
      },
    );
    return result.events[0]!.data as WebhookDeliveryRedriven['data'];
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
