import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { TimeEntryDocument } from '../../projections/delivery/time-entries.projection';
import { globalIdOf, Node } from '../relay/node.interface';
import { Connection } from '../shared/connection';
import { DateTimeScalar, SafeIntScalar } from '../shared/scalars';

@ObjectType({ implements: Node, description: 'Hours logged on a project, as last corrected (deleted entries are gone).' })
export class TimeEntry implements Node {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The domain id, as the mutations take it.' }) entryId!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) consultantId!: string;
  @Field({ description: 'YYYY-MM-DD' }) workDate!: string;
  @Field(() => Float) hours!: number;
  @Field() billable!: boolean;
  @Field(() => SafeIntScalar, { description: 'Hourly bill rate in cents at the time of logging.' }) billRateCents!: number;
  @Field(() => SafeIntScalar, { description: 'Hourly cost in cents at the time of logging.' }) costRateCents!: number;
  @Field() currency!: string;
  @Field(() => DateTimeScalar) loggedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) correctedAt!: string | null;
}

@ObjectType()
export class TimeEntryConnection extends Connection(TimeEntry) {}

export function toTimeEntry(document: TimeEntryDocument): TimeEntry {
  return {
    id: globalIdOf('TimeEntry', document.entryId),
    entryId: document.entryId,
    projectId: document.projectId,
    clientId: document.clientId,
    consultantId: document.consultantId,
    workDate: document.workDate,
    hours: document.hours,
    billable: document.billable,
    billRateCents: document.billRateCents,
    costRateCents: document.costRateCents,
    currency: document.currency,
    loggedAt: document.loggedAt,
    correctedAt: document.correctedAt,
  };
}
