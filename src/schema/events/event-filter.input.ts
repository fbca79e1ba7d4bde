import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../shared/scalars';
import type { EventCriteria } from './event-criteria';

@InputType({ description: 'All given conditions must hold; within a list, any value matches.' })
export class EventFilterInput implements EventCriteria {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  types?: string[];

  @Field(() => [String], { nullable: true, description: 'Exact stream names, e.g. Invoice-42.' })
  @IsOptional()
  @ArrayMaxSize(100)
  streams?: string[];

  @Field(() => [String], { nullable: true, description: 'Stream categories, e.g. Invoice.' })
  @IsOptional()
  @ArrayMaxSize(100)
  categories?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'occurredAt at or after this instant.' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'occurredAt strictly before this instant.' })
  to?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  correlationId?: string;
}

@InputType({ description: 'Live events: all given conditions must hold.' })
export class EventStreamFilterInput implements EventCriteria {
  @Field(() => [String], { nullable: true })
  types?: string[];

  @Field(() => [String], { nullable: true })
  streams?: string[];

  @Field(() => [String], { nullable: true })
  categories?: string[];
}
