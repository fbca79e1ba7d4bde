import { jsonEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import { UpstreamError } from '../../core/errors';
import type { EventMetadata, EventSource, NewEvent, RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';

/** What the adapter stores as an event's custom metadata: ours, plus the keys ESDB tooling reads. */
interface StoredMetadata extends EventMetadata {
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export function toEventData(event: NewEvent, recordedAt: string): EventData {
  const { causationId, correlationId } = event.metadata;
  const metadata: StoredMetadata = {
    ...event.metadata,
    recordedAt,
    $correlationId: correlationId,
    ...(causationId === null ? {} : { $causationId: causationId }),
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data as Record<string, unknown>, metadata });
}

/** Events written by EventStoreDB itself (users, statistics, stream metadata, projection links). */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** The largest uint64: what servers before 22.6 send as the position of an event read from a stream. */
const unknownPosition = 18_446_744_073_709_551_615n;

export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (event === undefined) throw new UpstreamError('event_store.unreadable_event', 'EventStoreDB returned a link without its event');
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined || position === unknownPosition) {
    throw new UpstreamError(
      'event_store.unsupported_server',
      `EventStoreDB did not report the position of ${event.streamId}@${event.revision}: stream reads carry it from server 22.6 on`,
    );
  }
  if (!event.isJson) {
    throw new UpstreamError('event_store.unreadable_event', `Event ${event.id} in ${event.streamId} is not JSON`, { eventId: event.id });
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data as object,
    metadata: toMetadata(event.metadata, event.created, event.id),
    stream: event.streamId,
    revision: event.revision,
    position,
  };
}

/**
 * Events written by other tools (the ESDB web UI, scripts) may lack our metadata: they still read,
 * timed by the server's `created` and correlated by their own id, rather than breaking a reader
 * of `$all`.
 */
function toMetadata(stored: unknown, created: Date, id: string): EventMetadata {
  const fields = isRecord(stored) ? stored : {};
  const createdAt = created.toISOString();
  const source = fields['source'];
  return {
    occurredAt: text(fields['occurredAt']) ?? createdAt,
    recordedAt: text(fields['recordedAt']) ?? createdAt,
    correlationId: text(fields['correlationId']) ?? text(fields['$correlationId']) ?? id,
    causationId: text(fields['causationId']) ?? text(fields['$causationId']) ?? null,
    actor: text(fields['actor']) ?? 'unknown',
    ...(isRecord(source) ? { source: source as unknown as EventSource } : {}),
    ...(typeof fields['commandDigest'] === 'string' ? { commandDigest: fields['commandDigest'] } : {}),
    ...(fields['origin'] === 'seed' || fields['origin'] === 'import' ? { origin: fields['origin'] } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export interface EventSelection {
  readonly types?: readonly string[];
  readonly categories?: readonly string[];
}

/** The exact client-side check; an empty list keeps nothing (as in every adapter). */
export function selects(selection: EventSelection, event: { readonly type: string; readonly stream: string }): boolean {
  const { types, categories } = selection;
  return (types === undefined || types.includes(event.type)) && (categories === undefined || categories.includes(categoryOf(event.stream)));
}

export function selectsNothing(selection: EventSelection): boolean {
  return selection.types?.length === 0 || selection.categories?.length === 0;
}
