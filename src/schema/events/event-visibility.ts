import { ForbiddenError } from '../../core/errors';
import type { RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';
import { apiKeyCategory } from '../auth/api-key.events';
import { hasRole } from '../auth/roles';
import type { Principal } from '../context';
import type { EventCriteria } from './event-criteria';

/**
 * Streams that record the platform rather than the business: API keys, raw webhook deliveries
 * (payloads and headers) and the quarantine of refused requests. Only ADMIN keys read them, through
 * every door that reads the log (`events`, `stream`, `event`, the NDJSON export, `eventAppended`).
 */
export const platformCategories: readonly string[] = [apiKeyCategory, 'WebhookDelivery', 'WebhookRejection'];

const platform = new Set(platformCategories);

export const isPlatformEvent = (event: Pick<RecordedEvent, 'stream'>): boolean => platform.has(categoryOf(event.stream));

/** True when `principal` may receive `event` at all. */
export function mayRead(principal: Principal | null, event: Pick<RecordedEvent, 'stream'>): boolean {
  return !isPlatformEvent(event) || (principal !== null && hasRole(principal, 'ADMIN'));
}

/**
 * Asking by name for a platform stream or category is refused below ADMIN (FORBIDDEN), rather
 * than answered with an empty page that would look like "there is nothing".
 */
export function assertMayAskFor(principal: Principal | null, criteria: EventCriteria, what: string): void {
  if (principal !== null && hasRole(principal, 'ADMIN')) return;
  const asked = [...(criteria.categories ?? []), ...(criteria.streams ?? []).map(categoryOf)];
  const denied = asked.find((category) => platform.has(category));
  if (denied !== undefined) {
    throw new ForbiddenError('auth.platform_stream', `${what} of ${denied} events needs the ADMIN role; key "${principal?.name ?? 'anonymous'}" has ${principal?.role ?? 'none'}`, {
      required: 'ADMIN',
      actual: principal?.role ?? null,
    });
  }
}

/** Fields no one receives, whatever their role: an API key's hash identifies its secret for an offline guess. */
const secretFields: Readonly<Record<string, readonly string[]>> = { ApiKeyCreated: ['hash'] };

/** The event's data as it may leave the process (for every role). */
export function outgoingData(event: Pick<RecordedEvent, 'type' | 'data'>): object {
  const hidden = secretFields[event.type];
  if (!hidden) return event.data;
  const copy: Record<string, unknown> = { ...(event.data as Record<string, unknown>) };
  for (const field of hidden) delete copy[field];
  return copy;
}
