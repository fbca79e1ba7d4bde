import { ArgsType } from 'type-graphql';
import type { RecordedEvent } from '../../core/messages';
import type { GraphQLContext } from '../context';
import { connectionOf } from '../events/event-page';
import type { EventConnection } from '../events/event.type';
import { ConnectionArgs, pageSizeOf, parsePositionCursor } from '../shared/connection';

/** `after` is a revision within the entity's stream (the `endCursor` of the previous page). */
@ArgsType()
export class HistoryArgs extends ConnectionArgs {}

/**
 * One page of an entity's stream in revision order, cursor = revision (as the `stream` query).
 * `belongs` narrows a stream shared by several entities (time entries live on their project's).
 */
export async function readHistory(
  context: GraphQLContext,
  stream: string,
  args: HistoryArgs,
  belongs: (event: RecordedEvent) => boolean = () => true,
): Promise<EventConnection> {
  const first = pageSizeOf(args);
  const after = parsePositionCursor(args.after);
  const found: RecordedEvent[] = [];
  // One match beyond the page tells whether there is a next page.
  for await (const event of context.services.eventStore.readStream(stream, { fromRevision: after === undefined ? undefined : after + 1n })) {
    if (belongs(event) && found.push(event) > first) break;
  }
  const page = found.slice(0, first);
  const cursorOf = (event: RecordedEvent) => event.revision.toString();
  return connectionOf(page, found.length > first, page.length > 0 ? cursorOf(page.at(-1)!) : null, cursorOf);
}
