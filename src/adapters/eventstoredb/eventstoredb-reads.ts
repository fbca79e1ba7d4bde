import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type EventStoreDBClient,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ValidationError } from '../../core/errors';
import type { ReadAllOptions, ReadStreamOptions } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { EventDamageLog } from '../../core/event-damage';
import { decodeResolved, hasChecksum, isSystemEvent, selects, selectsNothing } from './eventstoredb-event-mapping';

type Translate = (error: unknown, operation: string, stream?: string) => Error;

/** One stream through the driver's stream read; a missing stream reads as empty. */
export async function* readStreamEvents(
  client: EventStoreDBClient,
  stream: string,
  options: ReadStreamOptions,
  translate: Translate,
  damage: EventDamageLog,
): AsyncGenerator<RecordedEvent> {
  if (options.maxCount !== undefined && options.maxCount <= 0) return;
  if (options.fromRevision !== undefined && options.fromRevision < 0n) {
    throw new ValidationError('stream.invalid_revision', `Revision ${options.fromRevision} of ${stream} is negative`, { stream });
  }
  const direction = options.direction ?? 'forwards';
  const source = client.readStream(stream, {
    direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
    fromRevision: options.fromRevision ?? (direction === 'forwards' ? START : END),
    ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
  });
  try {
    for await (const resolved of source as AsyncIterable<ResolvedEvent>) {
      const event = decodeResolved(resolved, damage);
      if (event) yield event;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return;
    throw translate(error, `read ${stream}`, stream);
  } finally {
    // A consumer that stops early must not leave the gRPC call streaming into nothing.
    if (!source.readableEnded) await source.cancel();
  }
}

const allPageSize = 500;

/**
 * `$all` in pages from a position. The driver's `readAll` has no server-side filter, so types,
 * categories and system events are filtered here, and `maxCount` counts what the caller receives.
 * A page starts at the last position seen, which the server includes: it is skipped.
 */
export async function* readAllEvents(
  client: EventStoreDBClient,
  options: ReadAllOptions,
  translate: Translate,
  damage: EventDamageLog,
  /** Told, per event yielded, whether it carried no checksum (written by another tool). */
  onDecoded?: (withoutChecksum: boolean) => void,
): AsyncGenerator<RecordedEvent> {
  if (selectsNothing(options) || (options.maxCount !== undefined && options.maxCount <= 0)) return;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  let lastSeen = options.after;
  for (;;) {
    const page = await readPage(client, lastSeen === undefined ? START : positionAt(lastSeen), FORWARDS, allPageSize, translate);
    for (const resolved of page) {
      const position = resolved.event!.position.commit;
      if (lastSeen !== undefined && position <= lastSeen) continue;
      lastSeen = position;
      if (isSystemEvent(resolved.event!)) continue;
      const event = decodeResolved(resolved, damage);
      if (event === null || !selects(options, event)) continue;
      onDecoded?.(!hasChecksum(resolved));
      yield event;
      if (--remaining === 0) return;
    }
    if (page.length < allPageSize) return;
  }
}

const headPageSize = 100;

/** The newest non-system event's position, walking back over whatever the server wrote itself. */
export async function headPosition(client: EventStoreDBClient, translate: Translate): Promise<bigint | null> {
  let from: ReadPosition = END;
  for (;;) {
    const page = await readPage(client, from, BACKWARDS, headPageSize, translate);
    const newest = page.find((resolved) => !isSystemEvent(resolved.event!));
    if (newest !== undefined) return newest.event!.position.commit;
    if (page.length < headPageSize) return null;
    from = page.at(-1)!.event!.position;
  }
}

type AllStreamEvent = ResolvedEvent & { event: NonNullable<ResolvedEvent['event']> & { position: Position } };

/** A bounded page, read completely so that no gRPC call stays open while the caller works. */
async function readPage(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  direction: typeof FORWARDS | typeof BACKWARDS,
  maxCount: number,
  translate: Translate,
): Promise<AllStreamEvent[]> {
  const page: AllStreamEvent[] = [];
  try {
    for await (const resolved of client.readAll({ fromPosition, direction, maxCount })) page.push(resolved as AllStreamEvent);
  } catch (error) {
    throw translate(error, 'read $all');
  }
  return page;
}

export function positionAt(position: bigint): Position {
  return { commit: position, prepare: position };
}
