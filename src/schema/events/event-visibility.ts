import { ForbiddenError } from '../../core/errors';
import type { RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';
import { platformCategories, platformCategoryOf } from '../../events/platform-streams';
import { hasRole } from '../auth/roles';
import type { Principal } from '../context';
import type { EventCriteria } from './event-criteria';

/**
 * Platform streams (src/events/platform-streams.ts: API keys, raw webhook deliveries with their
 * payloads and headers, the quarantine, client identities and claims, the workflows' step ledger)
 * are read by ADMIN keys only, through every door that reads the log (`events`, `stream`, `event`,
 * the NDJSON export, `eventAppended`).
 */
export const isPlatformEvent = (event: Pick<RecordedEvent, 'stream' | 'type'>): boolean => platformCategoryOf(event.stream, event.type) !== null;

/** True when `principal` may receive `event` at all. */
export function mayRead(principal: Principal | null, event: Pick<RecordedEvent, 'stream' | 'type'>): boolean {
  return !isPlatformEvent(event) || (principal !== null && hasRole(principal, 'ADMIN'));
}

/**
 * Asking by name for a platform stream or category is refused below ADMIN (FORBIDDEN), rather
 * than answered with an empty page that would look like "there is nothing".
 */
export function assertMayAskFor(principal: Principal | null, criteria: EventCriteria, what: string): void {
  if (principal !== null && hasRole(principal, 'ADMIN')) return;
  const asked = [...(criteria.categories ?? []), ...(criteria.streams ?? []).map(categoryOf)];
  const denied = asked.find((category) => platformCategories.has(category));
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
