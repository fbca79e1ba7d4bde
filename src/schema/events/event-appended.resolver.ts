import { Arg, Authorized, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import type { RecordedEvent } from '../../core/messages';
import type { GraphQLContext } from '../context';
import { closableIterator } from '../shared/closable-iterator';
import { type EventCriteria, matchesCriteria, storeFilterOf } from './event-criteria';
import { EventStreamFilterInput } from './event-filter.input';
import { assertMayAskFor, mayRead } from './event-visibility';
import { EventNode, toEventNode } from './event.type';

function liveEvents(context: GraphQLContext, criteria: EventCriteria): AsyncIterableIterator<RecordedEvent> {
  assertMayAskFor(context.principal, criteria, 'Following');
  const subscription = context.services.eventStore.subscribe({ after: 'end', ...storeFilterOf(criteria) });
  const iterator = subscription[Symbol.asyncIterator]();
  return closableIterator(
    async () => {
      for (;;) {
        const result = await iterator.next();
        if (result.done || (matchesCriteria(result.value, criteria) && mayRead(context.principal, result.value))) return result;
      }
    },
    () => subscription.close(),
  );
}

@Resolver()
export class EventAppendedResolver {
  @Authorized('VIEWER')
  @Subscription(() => EventNode, {
    description: 'Events appended from now on, in position order.',
    subscribe: ({ args, context }) => liveEvents(context as GraphQLContext, (args as { filter?: EventStreamFilterInput }).filter ?? {}),
  })
  eventAppended(
    @Root() event: RecordedEvent,
    @Arg('filter', () => EventStreamFilterInput, { nullable: true }) _filter: EventStreamFilterInput | null,
    @Ctx() _context: GraphQLContext,
  ): EventNode {
    return toEventNode(event);
  }
}
