import { createCommandBus, type CommandBus } from '../../aggregates/command-bus';
import type { WebhookIntakeCommand } from '../../aggregates/webhook-delivery/webhook-delivery.commands';
import { webhookDeliveryRoutes } from '../../aggregates/webhook-delivery/webhook-delivery.routes';
import { AggregateCache } from '../../core/aggregate-cache';
import { ConcurrencyError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { Clock } from '../../core/time';
import { type DeliveryRecord, loadDelivery } from '../inbox/delivery-record';
import { type AttemptDeps, attemptDelivery } from './delivery-attempt';
import type { AttemptOutcome, NextStep } from './delivery-outcome';
import { type RetryPolicy, retryDelayMs } from './retry-policy';

export interface ProcessorDeps extends AttemptDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
}

/**
 * One attempt at one delivery: read its stream, attempt it, record the outcome through the
 * delivery's decider at the revision read (the bus reuses that read: one read per attempt).
 * Outcome ids derive from (delivery, run, attempt), and the expected revision makes a second
 * worker's outcome for the same attempt fail instead of doubling it.
 */
export class DeliveryProcessor {
  private readonly cache = new AggregateCache();
  private readonly deliveries: CommandBus<WebhookIntakeCommand>;

  constructor(private readonly deps: ProcessorDeps) {
    this.deliveries = createCommandBus(deps.store, webhookDeliveryRoutes, { cache: this.cache, readBack: false });
  }

  async process(deliveryId: string): Promise<NextStep> {
    const record = await loadDelivery(this.deps.store, deliveryId, this.cache);
    if (record === null || record.status !== 'pending') return { kind: 'settled' };
    const attempt = record.attempts + 1;
    const outcome = await attemptDelivery(this.deps, record);
    const now = this.deps.clock().getTime();
    const retryAt = outcome.kind === 'failed' && outcome.retryable && attempt < this.deps.policy.maxAttempts ? now + retryDelayMs(this.deps.policy, attempt) : null;
    try {
      await this.deliveries.execute(outcomeCommand(deliveryId, attempt, outcome, retryAt, now), {
        actor: 'system:webhook-worker',
        correlationId: record.received.metadata.correlationId,
        causationId: record.received.id,
        expectedRevision: record.revision,
        eventIdOf: (event) => deterministicId(`${event.type}\u0000${deliveryId}\u0000${record.run}\u0000${attempt}`),
      });
    } catch (error) {
      // Someone else recorded an outcome or a redrive meanwhile: look again.
      if (error instanceof ConcurrencyError) return { kind: 'retry', at: now };
      throw error;
    }
    return retryAt === null ? { kind: 'settled' } : { kind: 'retry', at: retryAt };
  }
}

function outcomeCommand(deliveryId: string, attempt: number, outcome: AttemptOutcome, retryAt: number | null, now: number): WebhookIntakeCommand {
  const occurredAt = new Date(now).toISOString();
  switch (outcome.kind) {
    case 'processed':
      return { type: 'RecordDeliveryProcessed', occurredAt, data: { deliveryId, attempt, commands: outcome.commands } };
    case 'ignored':
      return { type: 'RecordDeliveryIgnored', occurredAt, data: { deliveryId, attempt, reason: outcome.reason } };
    case 'parked':
      return { type: 'ParkDelivery', occurredAt, data: { deliveryId, attempt, reason: outcome.reason, error: outcome.error } };
    case 'failed': {
      const { error, code, retryable } = outcome;
      return { type: 'RecordDeliveryFailure', occurredAt, data: { deliveryId, attempt, error, code, retryable, retryAt: retryAt === null ? null : new Date(retryAt).toISOString() } };
    }
  }
}

