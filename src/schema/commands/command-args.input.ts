import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { BigIntScalar, DateTimeScalar } from '../shared/scalars';

/** The arguments every mutation takes besides its `input`. */
@ArgsType()
export class CommandArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the fact happened in the real world; defaults to now. Set it to import history.',
  })
  occurredAt?: Date | null;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: "The stream revision this command is based on (a previous payload's `revision`); a mismatch is a CONFLICT.",
  })
  expectedRevision?: bigint | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key on the same stream acts once and returns the original events (`replayed: true`).',
  })
  @MaxLength(200, { message: '$property must be at most 200 characters long' })
  idempotencyKey?: string | null;

  @Field({ defaultValue: false, description: 'Wait (up to 5 s) until every read model reflects this command before answering.' })
  waitForProjections: boolean = false;
}
