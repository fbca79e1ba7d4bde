import type { Deadline } from '../../core/deadline';
import { readModelsAsOf, type ReadModelsAsOf } from '../../core/as-of';
import { apiProjections } from '../../projections';
import type { KpiContext } from '../../projections/shared/kpi';
import type { GraphQLContext } from '../context';
import type { SchemaServices } from '../schema-services';

/** Read models replayed as of an instant for one request, while at least one resolver uses them. */
export interface AsOfLease {
  /** Refused with `as_of.too_many_events` (BAD_USER_INPUT) past `AS_OF_MAX_EVENTS`. */
  readonly ready: Promise<KpiContext>;
  release(): void;
}

interface SharedReplay {
  readonly replayed: Promise<ReadModelsAsOf>;
  users: number;
}

// Per request (the context object), per instant: several dashboards asked as of the same instant in
// one operation share one replay. Root fields start before any of them finishes, so the count
// cannot fall to zero while a sibling still needs the store.
const replays = new WeakMap<GraphQLContext, Map<string, SharedReplay>>();

export function leaseAsOf(context: GraphQLContext, instant: Date): AsOfLease {
  const { services } = context;
  const key = instant.toISOString();
  const byInstant = replays.get(context) ?? new Map<string, SharedReplay>();
  replays.set(context, byInstant);
  let shared = byInstant.get(key);
  if (!shared) {
    shared = { replayed: replay(services, key, context.deadline), users: 0 };
    byInstant.set(key, shared);
  }
  shared.users++;
  const lease = shared;
  let released = false;
  return {
    ready: lease.replayed.then((models) => ({ reads: models.reads, timeZone: services.kpi.timeZone, ...(services.kpi.baseCurrency ? { baseCurrency: services.kpi.baseCurrency } : {}) })),
    release() {
      if (released) return;
      released = true;
      if (--lease.users > 0) return;
      byInstant.delete(key);
      lease.replayed.then((models) => models.close()).catch(() => undefined);
    },
  };
}

function replay(services: SchemaServices, instant: string, deadline: Deadline): Promise<ReadModelsAsOf> {
  return readModelsAsOf(services.eventStore, apiProjections, instant, {
    deadline,
    openScratchReadStore: services.openScratchReadStore,
    maxEvents: services.settings.asOfMaxEvents,
    clock: services.clock,
  });
}
