import { Field, ID, ObjectType } from 'type-graphql';
import type { RecordedEvent } from '../../core/messages';
import { PageInfo } from '../shared/connection';
import { outgoingData } from './event-visibility';
import { BigIntScalar, DateTimeScalar, JSONObjectScalar } from '../shared/scalars';

@ObjectType('Event', { description: 'A stored event, as recorded in the log.' })
export class EventNode {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field()
  stream!: string;

  @Field(() => BigIntScalar, { description: '0-based position of the event within its stream.' })
  revision!: bigint;

  @Field(() => BigIntScalar, { description: 'Global position in the log; the cursor of `events`.' })
  position!: bigint;

  @Field(() => DateTimeScalar, { description: 'When the fact happened (KPIs bucket by this).' })
  occurredAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the store recorded it.' })
  recordedAt!: string;

  @Field()
  correlationId!: string;

  @Field(() => JSONObjectScalar)
  data!: object;

  @Field(() => JSONObjectScalar)
  metadata!: object;
}

@ObjectType('EventEdge')
export class EventEdge {
  @Field()
  cursor!: string;

  @Field(() => EventNode)
  node!: EventNode;
}

@ObjectType('EventConnection')
export class EventConnection {
  @Field(() => [EventEdge])
  edges!: EventEdge[];

  @Field(() => [EventNode])
  nodes!: EventNode[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

export function toEventNode(event: RecordedEvent): EventNode {
  return nodeOf(event, outgoingData(event));
}

function nodeOf(event: RecordedEvent, data: object): EventNode {
  return {
    id: event.id,
    type: event.type,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    correlationId: event.metadata.correlationId,
    data,
    metadata: event.metadata,
  };
}

/**
 * The NDJSON export line: the GraphQL node with 64-bit numbers as strings. `client` (the HTTP
 * export) leaves out what no caller receives; `backup` (`zixly events export`, run by an operator
 * who holds the files anyway) keeps every field, so an import restores the log as it was.
 */
export function toEventJson(event: RecordedEvent, audience: 'client' | 'backup'): string {
  const { revision, position, ...rest } = nodeOf(event, audience === 'client' ? outgoingData(event) : event.data);
  return JSON.stringify({ ...rest, revision: revision.toString(), position: position.toString() });
}
