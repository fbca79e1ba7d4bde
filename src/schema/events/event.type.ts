import { Field, ID, ObjectType } from 'type-graphql';
import type { RecordedEvent } from '../../core/messages';
import { PageInfo } from '../shared/connection';
import { withApiEnumCasing } from '../../events/event-enum-casing';
import { globalIdOf, Node } from '../relay/node.interface';
import { outgoingData } from './event-visibility';
import { BigIntScalar, DateTimeScalar, JSONObjectScalar } from '../shared/scalars';

@ObjectType('Event', { implements: Node, description: 'A stored event, as recorded in the log.' })
export class EventNode implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The id the log gives the event (`event(id:)`, a workflow trigger, `correlationId` chains).' })
  eventId!: string;

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

  @Field(() => JSONObjectScalar, { description: 'As recorded, with enum values in the API casing (UPPER_SNAKE, as the GraphQL enums).' })
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
  return { ...nodeOf(event, withApiEnumCasing(event.type, outgoingData(event))), id: globalIdOf('Event', event.id), eventId: event.id };
}

function nodeOf(event: RecordedEvent, data: object) {
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
 * The NDJSON export line: the event as stored (its log id as `id`, stored enum casing) with 64-bit numbers as strings. `client` (the HTTP
 * export) leaves out what no caller receives; `backup` (`zixly events export`, run by an operator
 * who holds the files anyway) keeps every field, so an import restores the log as it was.
 */
export function toEventJson(event: RecordedEvent, audience: 'client' | 'backup'): string {
  const { revision, position, ...rest } = nodeOf(event, audience === 'client' ? outgoingData(event) : event.data);
  return JSON.stringify({ ...rest, revision: revision.toString(), position: position.toString() });
}
