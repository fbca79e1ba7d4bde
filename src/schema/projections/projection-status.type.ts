import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ProjectionLag, ProjectionStatus } from '../../core/projection-runner';
import { Connection } from '../shared/connection';
import { BigIntScalar, DateTimeScalar } from '../shared/scalars';

export enum ProjectionState {
  LIVE = 'live',
  FAILED = 'failed',
  STOPPED = 'stopped',
}
registerEnumType(ProjectionState, { name: 'ProjectionState' });

@ObjectType('ProjectionFailure', { description: 'The event a projection stopped on; it retries it at the next start.' })
export class ProjectionFailureType {
  @Field() eventId!: string;
  @Field() eventType!: string;
  @Field(() => BigIntScalar) position!: string;
  @Field() error!: string;
  @Field(() => DateTimeScalar) failedAt!: string;
}

@ObjectType('RebuildProgress')
export class RebuildProgressType {
  @Field(() => Int) eventsDone!: number;
  @Field(() => Float) eventsPerSecond!: number;
  @Field(() => Float, { description: 'Share of the log already folded, 0 to 1.' }) fraction!: number;
  @Field(() => Float, { nullable: true }) etaSeconds!: number | null;
  @Field() done!: boolean;
}

@ObjectType('ProjectionLag')
export class ProjectionLagType {
  @Field(() => Int) eventsBehind!: number;
  @Field({ description: 'True when counting stopped: at least eventsBehind events behind.' }) eventsBehindCapped!: boolean;
  @Field(() => Float) secondsBehind!: number;
}

@ObjectType('Projection', { description: 'A read model and how far it has applied the log.' })
export class ProjectionStatusType {
  @Field() name!: string;
  @Field(() => Int) version!: number;
  @Field(() => BigIntScalar, { nullable: true, description: 'Position of the last event applied.' }) position!: bigint | null;
  @Field(() => ProjectionState) state!: ProjectionState;
  @Field(() => ProjectionFailureType, { nullable: true }) failure!: ProjectionFailureType | null;
  @Field({ description: 'A rebuild into a shadow collection is under way; the current version keeps serving.' }) rebuilding!: boolean;
  @Field(() => RebuildProgressType, { nullable: true }) rebuild!: RebuildProgressType | null;
  @Field(() => String, { nullable: true, description: 'Why the last rebuild failed.' }) rebuildError!: string | null;
  @Field(() => ProjectionLagType, { nullable: true }) lag!: ProjectionLagType | null;
}

@ObjectType()
export class ProjectionConnection extends Connection(ProjectionStatusType) {}

@ObjectType('ProjectionAdvanced', { description: 'A read model applied events up to `position`: refetch what reads it.' })
export class ProjectionAdvancedType {
  @Field() projection!: string;
  @Field(() => BigIntScalar) position!: bigint;
}

export function toProjectionStatus(status: ProjectionStatus, lag: ProjectionLag | null, rebuilding = false): ProjectionStatusType {
  return {
    name: status.name,
    version: status.version,
    position: status.position,
    state: status.state as ProjectionState,
    failure: status.failure,
    rebuilding: rebuilding || (status.rebuild !== null && !status.rebuild.done),
    rebuild: status.rebuild,
    rebuildError: status.rebuildError,
    lag: lag && { eventsBehind: lag.eventsBehind, eventsBehindCapped: lag.eventsBehindCapped, secondsBehind: lag.secondsBehind },
  };
}
