import { Field, InputType } from 'type-graphql';
import { IsCalendarDate } from '../commands/input.validators';
import { DateTimeScalar } from '../shared/scalars';

/** Business dates, like KPI periods: `from` inclusive, `to` exclusive; either may be left open. */
@InputType({ description: 'Calendar dates YYYY-MM-DD: from (inclusive) to (exclusive).' })
export class DateRangeInput {
  @Field(() => String, { nullable: true }) @IsCalendarDate() from?: string | null;
  @Field(() => String, { nullable: true }) @IsCalendarDate() to?: string | null;
}

@InputType({ description: 'Instants: from (inclusive) to (exclusive).' })
export class InstantRangeInput {
  @Field(() => DateTimeScalar, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) to?: Date | null;
}
