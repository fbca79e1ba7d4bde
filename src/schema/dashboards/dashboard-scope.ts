import type { GraphQLResolveInfo } from 'graphql';
import { type Period, resolvePeriod } from '../../core/business-time';
import { ValidationError } from '../../core/errors';
import type { GraphQLContext } from '../context';
import { requestReads } from '../../projections/shared/request-reads';
import { leaseAsOf } from './as-of-lease';
import type { DashboardArgs } from './dashboard-args.inputs';
import { type KpiFields, KpiSource, lazyDashboard } from './kpi-source';
import { selectedFieldNames } from './selected-fields';

const validPeriods = new Set<string>();
const maxPeriodLength = 40;

/**
 * One clear BAD_USER_INPUT for a malformed or empty period, rather than one per KPI. Resolving
 * costs several time-zone conversions, so periods found valid are remembered (a dashboard asks for
 * the same few periods again and again).
 */
function checkPeriod(period: Period, timeZone: string): void {
  const key = `${timeZone}|${period.from}|${period.to}`;
  if (validPeriods.has(key)) return;
  // Keeps an oversized value out of the error message that would echo it.
  if (period.from.length > maxPeriodLength || period.to.length > maxPeriodLength) {
    throw new ValidationError('period.invalid', `from and to must be dates YYYY-MM-DD or ISO-8601 instants of at most ${maxPeriodLength} characters`, { field: 'period' });
  }
  resolvePeriod(period, timeZone);
  if (validPeriods.size >= 1_000) validPeriods.clear();
  validPeriods.add(key);
}

/**
 * Runs `use` over the live read models, or over read models replayed as of `args.asOf` (shared by
 * the request's resolvers asking for the same instant, closed once the last one is done).
 */
export async function withKpiSource<R>(context: GraphQLContext, args: DashboardArgs, use: (source: KpiSource) => Promise<R>): Promise<R> {
  const { services } = context;
  const period = { from: args.period.from, to: args.period.to };
  checkPeriod(period, services.kpi.timeZone);
  if (!args.asOf) return use(new KpiSource({ context: { ...services.kpi, reads: requestReads(services.kpi.reads) }, period, at: services.clock(), asOf: false, services, deadline: context.deadline }, services.kpiCache));
  const lease = leaseAsOf(context, args.asOf);
  try {
    const replayed = await lease.ready;
    return await use(new KpiSource({ context: replayed, period, at: args.asOf, asOf: true, services, deadline: context.deadline }, null));
  } finally {
    lease.release();
  }
}

/**
 * A dashboard whose fields compute when GraphQL reads them. As of an instant, the fields the
 * client selected are computed before returning: the replayed store closes when this returns.
 */
export function openDashboard<D extends object>(context: GraphQLContext, args: DashboardArgs, fields: KpiFields<D>, info: GraphQLResolveInfo): Promise<D> {
  return withKpiSource(context, args, async (source) => {
    const dashboard = lazyDashboard(fields, source);
    if (source.scope.asOf) {
      const selected = [...selectedFieldNames(info)].filter((name) => name in fields);
      await Promise.allSettled(selected.map((name) => dashboard[name as keyof D]));
    }
    return dashboard;
  });
}
