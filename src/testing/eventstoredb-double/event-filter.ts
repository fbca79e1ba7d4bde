import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './in-memory-event-log';

export type EventFilter = (event: StoredEvent) => boolean;

/**
 * The server-side filter of `$all` reads and subscriptions: on the stream name or the event type,
 * by prefixes (any of them) or else by a regular expression (matched anywhere, as .NET's `IsMatch`).
 */
export function eventFilterOf(options: ReadReq.Options): EventFilter {
  const filter = options.hasFilter() ? options.getFilter()! : undefined;
  if (filter === undefined) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType();
  if (expression === undefined) return () => true;
  const valueOf = (event: StoredEvent) => (onStream ? event.stream : event.type);
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (event) => prefixes.some((prefix) => valueOf(event).startsWith(prefix));
  const regex = new RegExp(expression.getRegex());
  return (event) => regex.test(valueOf(event));
}
