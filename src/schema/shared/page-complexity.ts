import type { ComplexityEstimator } from 'graphql-query-complexity';
import { defaultPageSize } from './connection';

/** A connection costs its page size times what each node costs, so `first` drives the limit. */
export const pageComplexity: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : defaultPageSize;
  return 1 + childComplexity * Math.max(1, first);
};

/**
 * `event(id)` is one indexed look-up, yet a thousand aliases of it are a thousand: each costs 10
 * plus its fields, so an operation holds a few hundred at most.
 */
export const eventLookupComplexity: ComplexityEstimator = ({ childComplexity }) => 10 + childComplexity;
