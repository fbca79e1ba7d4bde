import { ConcurrencyError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { deterministicId } from '../../core/ids';
import type { NewEvent } from '../../core/messages';
import type { Clock } from '../../core/time';
import { type DeliveryRecord, loadDelivery } from '../inbox/delivery-record';
import { type WebhookDeliveryEvent, webhookDeliveryStream } from '../webhook-delivery.events';
import { type AttemptDeps, attemptDelivery } from './delivery-attempt';
import type { AttemptOutcome, NextStep } from './delivery-outcome';
import { type RetryPolicy, retryDelayMs } from './retry-policy';

export interface ProcessorDeps extends AttemptDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
}

type OutcomeData = { [E in WebhookDeliveryEvent as E['type']]: E['data'] };
type Draft = { [T in keyof OutcomeData]: { type: T; data: OutcomeData[T] } }[keyof OutcomeData];

/**
 * One attempt at one delivery: read its stream, attempt it, append the outcome at the revision
 * read. Outcome ids derive from (delivery, run, attempt), and the expected revision makes a second
 * worker's outcome for the same attempt fail instead of doubling it.
 */
export class DeliveryProcessor {
  constructor(private readonly deps: ProcessorDeps) {}

  async process(deliveryId: string): Promise<NextStep> {
    const record = await loadDelivery(this.deps.store, deliveryId);
    if (record === null || record.status !== 'pending') return { kind: 'settled' };
    const attempt = record.attempts + 1;
    const outcome = await attemptDelivery(this.deps, record);
    const now = this.deps.clock().getTime();
    const retryAt = outcome.kind === 'failed' && outcome.retryable && attempt < this.deps.policy.maxAttempts ? now + retryDelayMs(this.deps.policy, attempt) : null;
    try {
      await this.deps.store.append(webhookDeliveryStream(deliveryId), this.outcomeEvents(record, attempt, outcome, retryAt, now), record.revision);
    } catch (error) {
      // Someone else recorded an outcome or a redrive meanwhile: look again.
      if (error instanceof ConcurrencyError) return { kind: 'retry', at: now };
      throw error;
    }
    return retryAt === null ? { kind: 'settled' } : { kind: 'retry', at: retryAt };
  }

  private outcomeEvents(record: DeliveryRecord, attempt: number, outcome: AttemptOutcome, retryAt: number | null, now: number): NewEvent[] {
    const { deliveryId, tool } = record.received.data;
    const drafts = outcomeDrafts(deliveryId, tool, record.received.data.eventKind, attempt, outcome, retryAt);
    const occurredAt = new Date(now).toISOString();
    return drafts.map((draft) => ({
      id: deterministicId(`${draft.type}\u0000${deliveryId}\u0000${record.run}\u0000${attempt}`),
      type: draft.type,
      data: draft.data,
      metadata: { occurredAt, correlationId: record.received.metadata.correlationId, causationId: record.received.id, actor: 'system:webhook-worker' },
    }));
  }
}

function outcomeDrafts(deliveryId: string, tool: string, eventKind: string, attempt: number, outcome: AttemptOutcome, retryAt: number | null): Draft[] {
  switch (outcome.kind) {
    case 'processed':
      return [{ type: 'WebhookDeliveryProcessed', data: { deliveryId, tool, commands: outcome.commands } }];
    case 'ignored':
      return [{ type: 'WebhookDeliveryIgnored', data: { deliveryId, tool, eventKind, reason: outcome.reason } }];
    case 'parked':
      return [{ type: 'WebhookDeliveryParked', data: { deliveryId, tool, reason: outcome.reason, error: outcome.error } }];
    case 'failed': {
      const { error, code, retryable } = outcome;
      const failure: Draft = { type: 'WebhookDeliveryFailed', data: { deliveryId, tool, error, code, attempt, retryable, retryAt: retryAt === null ? null : new Date(retryAt).toISOString() } };
      if (retryAt !== null) return [failure];
      return [failure, { type: 'WebhookDeliveryParked', data: { deliveryId, tool, reason: retryable ? 'retries_exhausted' : 'invalid', error } }];
    }
  }
}
