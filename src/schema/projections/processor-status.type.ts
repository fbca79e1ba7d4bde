import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ProcessorLag, ProcessorStatus } from '../../core/processor';
import { Connection } from '../shared/connection';
import { BigIntScalar } from '../shared/scalars';
import { ProjectionFailureType, ProjectionLagType, ProjectionState } from './projection-status.type';

export enum ProcessorKind {
  PROJECTION = 'projection',
  REACTOR = 'reactor',
}
registerEnumType(ProcessorKind, { name: 'ProcessorKind', description: 'A projection folds events into a read model; a reactor acts on them.' });

@ObjectType('Processor', { description: 'Something that follows the event log — a projection or a reactor — and how far it has got.' })
export class ProcessorStatusType {
  @Field() name!: string;
  @Field(() => ProcessorKind) kind!: ProcessorKind;
  @Field(() => [String], { description: 'The event types it follows.' }) handles!: string[];
  @Field(() => BigIntScalar, { nullable: true, description: 'Position of the last event applied or handled.' }) position!: bigint | null;
  @Field(() => ProjectionState, { description: 'FAILED: a projection stopped on an event, or a reactor retrying one.' }) state!: ProjectionState;
  @Field(() => ProjectionFailureType, { nullable: true }) failure!: ProjectionFailureType | null;
  @Field({ description: 'False when another process holds its lease; its position is then read from the store.' }) runsHere!: boolean;
  @Field(() => Int, { description: 'Events it went past: malformed ones (projections) or given up after retries (reactors).' }) skipped!: number;
  @Field({ description: 'Whether `rebuildProjection` can replay it from the log.' }) rebuildable!: boolean;
  @Field(() => ProjectionLagType, { nullable: true }) lag!: ProjectionLagType | null;
}

@ObjectType()
export class ProcessorConnection extends Connection(ProcessorStatusType) {}

export function toProcessorStatus(status: ProcessorStatus, lag: ProcessorLag | null): ProcessorStatusType {
  return {
    name: status.name,
    kind: status.kind as ProcessorKind,
    handles: [...status.handles],
    position: status.position,
    state: status.state as ProjectionState,
    failure: status.failure,
    runsHere: status.runsHere,
    skipped: status.skipped,
    rebuildable: status.rebuildable,
    lag: lag && { eventsBehind: lag.eventsBehind, eventsBehindCapped: lag.eventsBehindCapped, secondsBehind: lag.secondsBehind },
  };
}
