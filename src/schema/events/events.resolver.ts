import { ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../../core/errors';
import type { RecordedEvent } from '../../core/messages';
import type { GraphQLContext } from '../context';
import { ConnectionArgs, pageSizeOf, parsePositionCursor } from '../shared/connection';
import { pageComplexity } from '../shared/page-complexity';
import { EventFilterInput } from './event-filter.input';
import { connectionOf, eventScanBudget, readEventPage } from './event-page';
import { EventConnection, EventNode, toEventNode } from './event.type';

@ArgsType()
class EventsArgs extends ConnectionArgs {
  @Field(() => EventFilterInput, { nullable: true })
  @ValidateNested()
  filter?: EventFilterInput | null;
}

@ArgsType()
class StreamArgs extends ConnectionArgs {
  @Field({ description: 'Stream name, e.g. Invoice-42.' })
  name!: string;
}

/** Scanning for an id is the only lookup the event store port offers; it stops here. */
export const eventLookupScanLimit = 100_000;

@Resolver()
export class EventsResolver {
  @Authorized('VIEWER')
  @Query(() => EventConnection, {
    complexity: pageComplexity,
    description:
      'The log in position order; cursor = position. Types and categories are filtered by the store; ' +
      `streams, from/to (occurredAt) and correlationId while reading, at most ${eventScanBudget} events per page: ` +
      'a page can then be short or empty with hasNextPage true — keep following endCursor.',
  })
  events(@Args() args: EventsArgs, @Ctx() { services }: GraphQLContext): Promise<EventConnection> {
    return readEventPage(services.eventStore, args.filter ?? {}, pageSizeOf(args), parsePositionCursor(args.after));
  }

  @Authorized('VIEWER')
  @Query(() => EventConnection, { complexity: pageComplexity, description: "One stream's events in revision order; cursor = revision." })
  async stream(@Args() args: StreamArgs, @Ctx() { services }: GraphQLContext): Promise<EventConnection> {
    const first = pageSizeOf(args);
    const after = parsePositionCursor(args.after);
    const events: RecordedEvent[] = [];
    const fromRevision = after === undefined ? undefined : after + 1n;
    for await (const event of services.eventStore.readStream(args.name, { fromRevision, maxCount: first + 1 })) events.push(event);
    const page = events.slice(0, first);
    const cursorOf = (event: RecordedEvent) => event.revision.toString();
    return connectionOf(page, events.length > first, page.length > 0 ? cursorOf(page.at(-1)!) : null, cursorOf);
  }

  @Authorized('VIEWER')
  @Query(() => EventNode, {
    nullable: true,
    description: `The event with this id, or null. The store has no index by id: the first ${eventLookupScanLimit} events are scanned.`,
  })
  async event(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<EventNode | null> {
    let scanned = 0;
    for await (const event of services.eventStore.readAll({ maxCount: eventLookupScanLimit })) {
      if (event.id === id) return toEventNode(event);
      scanned++;
    }
    if (scanned < eventLookupScanLimit) return null;
    throw new NotFoundError('event.lookup_limit', `Event ${id} is not among the first ${eventLookupScanLimit} events; look it up by stream instead`, { id });
  }
}
