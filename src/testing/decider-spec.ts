import { expect } from 'vitest';
import type { Decider } from '../core/decider';
import { AppError } from '../core/errors';
import type { Command, DomainEvent } from '../core/messages';

/**
 * given/when/then for deciders, with no store:
 *   spec.given([invoiceIssued]).when(recordPayment).then([invoicePaid])
 *   spec.given([]).when(recordPayment).thenRejects('invoice.not_issued')
 */
export function deciderSpec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState));
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            thenNothingHappens(): void {
              expect(run()).toEqual([]);
            },
            thenRejects(code: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown, `expected the command to be rejected with ${code}`).toBeInstanceOf(AppError);
              expect((thrown as AppError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
