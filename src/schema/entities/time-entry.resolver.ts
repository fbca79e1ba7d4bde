import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { projectStream } from '../../aggregates/project/project.decider';
import { timeEntriesOnly } from '../../projections/delivery/time-buckets.projection';
import { type TimeEntryDocument, timeEntriesProjection } from '../../projections/delivery/time-entries.projection';
import type { GraphQLContext } from '../context';
import { EventConnection } from '../events/event.type';
import { pageComplexity } from '../shared/page-complexity';
import { DocumentFilterBuilder } from './document-filter.builder';
import { HistoryArgs, readHistory } from './entity-history';
import { lookupIdOf } from '../relay/node.interface';
import { findOne, findPage } from './entity-page';
import { TimeEntriesArgs, timeEntrySorts } from './time-entry.inputs';
import { TimeEntry, TimeEntryConnection, toTimeEntry } from './time-entry.type';

const collection = timeEntriesProjection.name;

@Resolver(() => TimeEntry)
export class TimeEntryResolver {
  @Authorized('VIEWER')
  @Query(() => TimeEntryConnection, { complexity: pageComplexity })
  timeEntries(@Args() args: TimeEntriesArgs, @Ctx() context: GraphQLContext): Promise<TimeEntryConnection> {
    const filter = new DocumentFilterBuilder()
      .oneOf('projectId', args.filter?.projectId)
      .oneOf('consultantId', args.filter?.consultantId)
      .oneOf('clientId', args.filter?.clientId)
      .equals('billable', args.filter?.billable)
      .dates('workDate', args.filter?.workDate)
      .build();
    return findPage<TimeEntryDocument, TimeEntry>(context, collection, { filter: { ...timeEntriesOnly, ...filter }, sort: timeEntrySorts[args.sort] }, args, toTimeEntry);
  }

  @Authorized('VIEWER')
  @Query(() => TimeEntry, { nullable: true })
  timeEntry(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<TimeEntry | null> {
    return findOne<TimeEntryDocument, TimeEntry>(context, collection, lookupIdOf('TimeEntry', id), (document) => (document.workDate === undefined ? null : toTimeEntry(document)));
  }

  @FieldResolver(() => EventConnection, {
    complexity: pageComplexity,
    description: "This entry's events from its project's stream (logged, corrected, deleted); cursor = revision in that stream.",
  })
  history(@Root() entry: TimeEntry, @Args() args: HistoryArgs, @Ctx() context: GraphQLContext): Promise<EventConnection> {
    return readHistory(context, projectStream(entry.projectId), args, (event) => (event.data as { entryId?: string }).entryId === entry.entryId);
  }
}
