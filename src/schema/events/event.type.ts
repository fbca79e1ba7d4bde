import { Field, ID, ObjectType } from 'type-graphql';
import type { RecordedEvent } from '../../core/messages';
import { PageInfo } from '../shared/connection';
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
  return {
    id: event.id,
    type: event.type,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    correlationId: event.metadata.correlationId,
    data: event.data,
    metadata: event.metadata,
  };
}

/** The NDJSON export line: the GraphQL node with 64-bit numbers as strings. */
export function toEventJson(event: RecordedEvent): string {
  const { revision, position, ...rest } = toEventNode(event);
  return JSON.stringify({ ...rest, revision: revision.toString(), position: position.toString() });
}
