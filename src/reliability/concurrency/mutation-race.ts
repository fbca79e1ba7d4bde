import { graphqlCall } from '../support/graphql-call';

export interface RaceEntrant {
  readonly id: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface RaceResult {
  readonly accepted: string[];
  /** Refused by a business rule, with the rule's stable code. */
  readonly ruleRejections: Array<{ readonly id: string; readonly rule: string }>;
  /** Anything else: an error without a rule, another code, a failed request. Must stay empty. */
  readonly unexplained: Array<{ readonly id: string; readonly answer: string }>;
}

/**
 * Sends every mutation at once, spread round-robin over the servers (one or several processes
 * on the same store), and sorts the answers.
 */
export async function race(urls: readonly string[], key: string, entrants: readonly RaceEntrant[]): Promise<RaceResult> {
  const result: RaceResult = { accepted: [], ruleRejections: [], unexplained: [] };
  await Promise.all(
    entrants.map(async (entrant, index) => {
      try {
        const answer = await graphqlCall(urls[index % urls.length]!, key, entrant.query, entrant.variables);
        const [error, ...more] = answer.errors ?? [];
        if (answer.status === 200 && !error && answer.data) result.accepted.push(entrant.id);
        else if (error?.extensions?.code === 'RULE_VIOLATION' && typeof error.extensions.rule === 'string' && more.length === 0) result.ruleRejections.push({ id: entrant.id, rule: error.extensions.rule });
        else result.unexplained.push({ id: entrant.id, answer: `${answer.status} ${JSON.stringify(answer.errors)}` });
      } catch (error) {
        result.unexplained.push({ id: entrant.id, answer: String(error) });
      }
    }),
  );
  return result;
}
