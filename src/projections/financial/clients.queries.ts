import type { ResolvedPeriod } from '../../core/business-time';
import type { KpiContext } from '../shared/kpi';
import { instantsIn } from '../shared/period-filter';
import { clientMrrAt, isActiveAt, tierAt } from './client-timeline';
import { clientsCollection, type ClientDocument } from './clients.projection';
import { addTo, everyClientById } from './financial.reads';
import { findEvery } from '../shared/documents';

/*
 * Reads of the `clients` read model shared with other areas (retention, CAC, marketing ROI). An
 * instant's state is the state after every fact strictly before it (see client-timeline).
 */

const everyClient = async (context: KpiContext) => [...(await everyClientById(context)).values()];

/** Clients onboarded before `instant` and not offboarded (or reactivated since) at it. */
export async function clientsActiveAt(context: KpiContext, instant: string): Promise<ClientDocument[]> {
  return (await everyClient(context)).filter((client) => client.onboardedAt < instant && isActiveAt(client, instant));
}

/** Every client onboarded before `instant`, active or not: the population churn is counted over. */
export async function clientsOnboardedBefore(context: KpiContext, instant: string): Promise<ClientDocument[]> {
  return (await everyClient(context)).filter((client) => client.onboardedAt < instant);
}

/** Clients whose onboarding occurred in the period (new clients, for CAC). */
export function clientsOnboardedIn(context: KpiContext, period: ResolvedPeriod): Promise<ClientDocument[]> {
  return findEvery<ClientDocument>(context.reads, clientsCollection, { onboardedAt: instantsIn(period) });
}


/** Clients that had started a retainer before `instant`: the only ones that can carry MRR. */
export async function clientsWithRetainersBefore(context: KpiContext, instant: string): Promise<ClientDocument[]> {
  return (await everyClient(context)).filter((client) => client.firstRetainerAt !== null && client.firstRetainerAt < instant);
}

export interface MrrSnapshot {
  readonly mrrCents: number;
  /** Clients with at least one retainer counting towards MRR. */
  readonly payingClients: number;
  readonly byTier: Record<string, number>;
}

/** MRR in effect at `instant` over the given clients, by the tier each client had then. */
export function mrrSnapshot(clients: readonly ClientDocument[], instant: string): MrrSnapshot {
  let mrrCents = 0;
  let payingClients = 0;
  const byTier: Record<string, number> = {};
  for (const client of clients) {
    const amount = clientMrrAt(client, instant);
    if (amount === 0) continue;
    mrrCents += amount;
    payingClients++;
    addTo(byTier, tierAt(client, instant), amount);
  }
  return { mrrCents, payingClients, byTier };
}

/** The MRR snapshot at `instant` and the client documents it was computed from. */
export async function mrrAt(context: KpiContext, instant: string): Promise<{ snapshot: MrrSnapshot; clients: ClientDocument[] }> {
  const clients = await clientsWithRetainersBefore(context, instant);
  return { snapshot: mrrSnapshot(clients, instant), clients };
}
