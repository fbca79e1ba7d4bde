import { ValidateNested } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { yieldToLoop } from '../../core/deadline';
import type { RecordedEvent } from '../../core/messages';
import type { GraphQLContext } from '../context';
import { lookupIdOf } from '../relay/node.interface';
import { ConnectionArgs, pageSizeOf, parsePositionCursor } from '../shared/connection';
import { eventLookupComplexity, pageComplexity } from '../shared/page-complexity';
import { EventFilterInput } from './event-filter.input';
import { connectionOf, eventScanBudget, readEventPage } from './event-page';
import { assertMayAskFor, mayRead } from './event-visibility';
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
  events(@Args() args: EventsArgs, @Ctx() { services, principal, deadline }: GraphQLContext): Promise<EventConnection> {
    const criteria = args.filter ?? {};
    assertMayAskFor(principal, criteria, 'Reading');
    const reader = { mayRead: (event: RecordedEvent) => mayRead(principal, event), deadline };
    return readEventPage(services.eventStore, criteria, pageSizeOf(args), parsePositionCursor(args.after), eventScanBudget, reader);
  }

  @Authorized('VIEWER')
  @Query(() => EventConnection, { complexity: pageComplexity, description: "One stream's events in revision order; cursor = revision." })
  async stream(@Args() args: StreamArgs, @Ctx() { services, principal }: GraphQLContext): Promise<EventConnection> {
    assertMayAskFor(principal, { streams: [args.name] }, 'Reading');
    const first = pageSizeOf(args);
    const after = parsePositionCursor(args.after);
    const events: RecordedEvent[] = [];
    const fromRevision = after === undefined ? undefined : after + 1n;
    for await (const event of services.eventStore.readStream(args.name, { fromRevision, maxCount: first + 1 })) events.push(event);
    // A platform event type found on a business stream is left out too (the page may be short).
    const page = events.slice(0, first).filter((event) => mayRead(principal, event));
    const cursorOf = (event: RecordedEvent) => event.revision.toString();
    const last = events.slice(0, first).at(-1);
    return connectionOf(page, events.length > first, last ? cursorOf(last) : null, cursorOf);
  }

  @Authorized('VIEWER')
  @Query(() => EventNode, {
    nullable: true,
    complexity: eventLookupComplexity,
    description: 'The event with this id (its `eventId` or global `id`), or null (also for an event the key may not read): one indexed look-up.',
  })
  async event(@Arg('id', () => ID) id: string, @Ctx() { services, principal, deadline }: GraphQLContext): Promise<EventNode | null> {
    // Hundreds of aliased look-ups take turns with the rest of the event loop, one at a time.
    await yieldToLoop();
    deadline.check();
    const event = await services.eventStore.readEvent(lookupIdOf('Event', id));
    return event !== null && mayRead(principal, event) ? toEventNode(event) : null;
  }
}
