import type { ComplexityEstimator } from 'graphql-query-complexity';
import { defaultPageSize } from './connection';

/** A connection costs its page size times what each node costs, so `first` drives the limit. */
export const pageComplexity: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : defaultPageSize;
  return 1 + childComplexity * Math.max(1, first);
};
