import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { Delivery, IdentityLookup, TranslatedCommand, Translator, WebhookTool } from '../delivery';
import { webhookTools } from '../delivery';
import type { DeliveryRecord } from '../inbox/delivery-record';
import type { AttemptOutcome } from './delivery-outcome';
import { classifyFailure } from './retry-policy';
import { changedLaterInTranslation } from '../superseded-create';

export interface AttemptDeps {
  readonly commands: CommandBus<BusinessCommand>;
  readonly translators: Readonly<Record<WebhookTool, Translator>>;
  /** A fresh snapshot per attempt, so a link made since the last attempt applies; given the delivery it is for. */
  readonly identities: (delivery?: Delivery) => Promise<IdentityLookup> | IdentityLookup;
  /**
   * Whether the identity read model holds every link recorded up to `position` (the delivery's
   * reception). Asked before parking a delivery for an unknown party: a link recorded before the
   * delivery arrived but not yet in a lagging read model (another process of a fleet writes it)
   * makes the attempt fail retryably instead. Absent: the snapshot is taken as complete.
   */
  readonly identitiesReached?: (position: bigint) => Promise<boolean>;
}

function failed(error: unknown): AttemptOutcome {
  const { retryable, code, message } = classifyFailure(error);
  return { kind: 'failed', error: message, code, retryable };
}

/** The stored delivery as the translators see it; null when the Received event lacks its payload. */
export function deliveryOf(record: DeliveryRecord): Delivery | null {
  const { deliveryId, tool, dedupeKey, eventKind, receivedAt, headers, payload } = record.received.data;
  if (payload === undefined || !(webhookTools as readonly string[]).includes(tool)) return null;
  return { deliveryId, tool: tool as WebhookTool, dedupeKey, eventKind, receivedAt, headers: headers ?? {}, payload };
}

/**
 * Translates the delivery and executes its commands, each with an idempotency key derived from the
 * delivery and the command's place in the translation: an attempt repeated after a crash between
 * the commands and the outcome event replays the stored events instead of applying them again.
 */
export async function attemptDelivery(deps: AttemptDeps, record: DeliveryRecord): Promise<AttemptOutcome> {
  const delivery = deliveryOf(record);
  if (delivery === null) return { kind: 'parked', reason: 'invalid', error: `delivery ${record.received.data.deliveryId} has no stored payload or an unknown tool` };
  let translation;
  try {
    translation = deps.translators[delivery.tool](delivery, await deps.identities(delivery));
  } catch (error) {
    return failed(error);
  }
  switch (translation.outcome) {
    case 'ignored':
      return { kind: 'ignored', reason: translation.reason };
    case 'unmapped':
      if (deps.identitiesReached && !(await deps.identitiesReached(record.received.position))) {
        return { kind: 'failed', error: `${translation.tool} ${translation.externalId}: the client links have not caught up with this delivery yet`, code: 'ingest.read_models_behind', retryable: true };
      }
      return { kind: 'parked', reason: 'unmapped', error: `${translation.tool} ${translation.externalId}: ${translation.reason}` };
    case 'invalid':
      return { kind: 'parked', reason: 'invalid', error: translation.reason };
    case 'commands':
      return executeAll(deps, record, translation.commands);
  }
}

async function executeAll(deps: AttemptDeps, record: DeliveryRecord, commands: readonly TranslatedCommand[]): Promise<AttemptOutcome> {
  const received = record.received;
  const { deliveryId, tool } = received.data;
  let appended = 0;
  try {
    for (const [index, { command, source }] of commands.entries()) {
      const metadata = { actor: `webhook:${tool}`, correlationId: received.metadata.correlationId, causationId: received.id, source, idempotencyKey: `webhook:${deliveryId}:${index}` };
      try {
        const result = await deps.commands.execute(command, metadata);
        if (result.status === 'appended') appended++;
      } catch (error) {
        if (!changedLaterInTranslation(error, commands.slice(index + 1))) throw error;
      }
    }
  } catch (error) {
    return failed(error);
  }
  return { kind: 'processed', commands: appended };
}

