import { jsonEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import { UpstreamError } from '../../core/errors';
import { eventChecksum, type EventDamageLog } from '../../core/event-damage';
import type { EventMetadata, EventSource, NewEvent, RecordedEvent } from '../../core/messages';
import { categoryOf } from '../../core/stream-name';

/**
 * What the adapter stores as an event's custom metadata: ours, plus the keys ESDB tooling reads,
 * plus `checksum`: of the event's id, stream, type and data as JSON (the revision is the server's
 * to assign, and the metadata holds the checksum itself). EventStoreDB checks its own records'
 * integrity on disk; this one catches data changed anywhere between our append and our read.
 */
interface StoredMetadata extends EventMetadata {
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly checksum: string;
}

const dataChecksum = (id: string, stream: string, type: string, data: unknown) =>
  eventChecksum({ id, stream, revision: '', type, data: JSON.stringify(data), metadata: '' });

export function toEventData(stream: string, event: NewEvent, recordedAt: string): EventData {
  const { causationId, correlationId } = event.metadata;
  const metadata: StoredMetadata = {
    ...event.metadata,
    recordedAt,
    $correlationId: correlationId,
    ...(causationId === null ? {} : { $causationId: causationId }),
    checksum: dataChecksum(event.id, stream, event.type, event.data),
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
 * The event, or null when it is damaged: not JSON, or data that no longer matches the checksum
 * stored with it (events written by other tools carry none). A damaged event is recorded in
 * `damage` and skipped, so readers go past it.
 */
export function decodeResolved(resolved: ResolvedEvent, damage: EventDamageLog): RecordedEvent | null {
  const raw = resolved.event;
  if (raw !== undefined && !raw.isJson) return recordDamage(damage, resolved, 'data_not_json');
  const event = toRecordedEvent(resolved);
  const stored = isRecord(raw?.metadata) ? raw.metadata['checksum'] : undefined;
  if (typeof stored === 'string' && stored !== dataChecksum(event.id, event.stream, event.type, event.data)) return recordDamage(damage, resolved, 'checksum_mismatch');
  return event;
}

export function hasChecksum(resolved: ResolvedEvent): boolean {
  const metadata = resolved.event?.metadata;
  return isRecord(metadata) && typeof metadata['checksum'] === 'string';
}

function recordDamage(damage: EventDamageLog, resolved: ResolvedEvent, reason: string): null {
  const raw = resolved.event!;
  const position = raw.position?.commit ?? resolved.commitPosition;
  damage.record({ stream: raw.streamId, revision: String(raw.revision), position: String(position ?? 'unknown'), type: raw.type, id: raw.id, reason });
  return null;
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
