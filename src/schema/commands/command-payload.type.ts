import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../shared/scalars';

export enum CommandStatus {
  APPENDED = 'APPENDED',
  UNCHANGED = 'UNCHANGED',
}

registerEnumType(CommandStatus, {
  name: 'CommandStatus',
  description: 'APPENDED: new events were recorded (or replayed for a known idempotency key). UNCHANGED: the command was already satisfied.',
});

@ObjectType({ description: 'An event a command recorded.' })
export class RecordedEventSummary {
  @Field()
  id!: string;

  @Field()
  type!: string;

  @Field(() => BigIntScalar, { description: '0-based revision within its stream.' })
  revision!: bigint;

  @Field(() => BigIntScalar, { description: 'Global position in the event store.' })
  position!: bigint;
}

@ObjectType({ description: 'What a mutation did to its stream.' })
export class CommandPayload {
  @Field(() => CommandStatus)
  status!: CommandStatus;

  @Field({ description: 'True when the idempotency key had been handled before: these are the original events.' })
  replayed!: boolean;

  @Field({ description: 'The stream the command was decided on, `<Category>-<id>`.' })
  stream!: string;

  @Field(() => BigIntScalar, { nullable: true, description: "The stream's revision now: pass it as `expectedRevision` next time. Null when the stream is empty." })
  revision!: bigint | null;

  @Field(() => BigIntScalar, { nullable: true, description: "Position of the stream's last event; null when the stream is empty." })
  position!: bigint | null;

  @Field(() => [RecordedEventSummary])
  events!: RecordedEventSummary[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'With `waitForProjections`: whether every read model reached this position within 5 s. Null when not asked.',
  })
  projectionsCaughtUp!: boolean | null;
}
