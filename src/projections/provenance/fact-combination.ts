import { mean, percentile } from '../shared/kpi-math';
import type { FactCombination } from './kpi-fact';

/** The part of a fact that counts toward a value (the API's `KpiFact` and the web page's rows both have it). */
export interface CombinableFact {
  readonly counted: boolean;
  readonly contribution: number;
  readonly weight?: number | null;
}

/** The value the counted facts make, put together as `combination` says: what the KPI is, once every page is read. */
export function combineFacts(combination: FactCombination, facts: readonly CombinableFact[]): number | null {
  const counted = facts.filter((fact) => fact.counted);
  const values = counted.map((fact) => fact.contribution);
  const total = values.reduce((sum, value) => sum + value, 0);
  const over = (denominator: number) => (denominator === 0 ? null : total / denominator);
  switch (combination) {
    case 'SUM':
      return total;
    case 'SHARE':
      return over(values.length);
    case 'NET_SHARE_PERCENT': {
      const share = over(values.length);
      return share === null ? null : share * 100;
    }
    case 'MEAN':
      return mean(values);
    case 'MEAN_ROUNDED': {
      const average = mean(values);
      return average === null ? null : Math.round(average);
    }
    case 'MEDIAN':
      return percentile(values, 0.5);
    case 'P90':
      return percentile(values, 0.9);
    case 'RATIO':
      return over(counted.reduce((sum, fact) => sum + (fact.weight ?? 0), 0));
  }
}
