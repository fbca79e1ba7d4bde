import { ensure } from '../shared/rules';
import type { BillingPeriod, ClientEvent, ClientTier } from './client.events';

export interface RetainerState {
  status: 'active' | 'cancelled';
  amountCents: number;
  billingPeriod: BillingPeriod;
  monthlyAmountCents: number;
  /** What StartRetainer recorded, to tell a retried start from one that reuses the id with other facts. */
  started: { amountCents: number; currency: string; billingPeriod: BillingPeriod };
}

export type OnboardedClient = {
  status: 'active' | 'offboarded';
  clientId: string;
  tier: ClientTier;
  currency: string;
  /** Every retainer the client ever had, cancelled ones included: retainer ids are never reused. */
  retainers: ReadonlyMap<string, RetainerState>;
};

export type ClientState = { status: 'none' } | OnboardedClient;

export function evolveClient(state: ClientState, event: ClientEvent): ClientState {
  if (event.type === 'ClientOnboarded') {
    const { clientId, tier, currency } = event.data;
    return { status: 'active', clientId, tier, currency, retainers: new Map() };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ClientTierChanged':
      return { ...state, tier: event.data.to };
    case 'RetainerStarted': {
      const { retainerId, amountCents, currency, billingPeriod, monthlyAmountCents } = event.data;
      return withRetainer(state, retainerId, { status: 'active', amountCents, billingPeriod, monthlyAmountCents, started: { amountCents, currency, billingPeriod } });
    }
    case 'RetainerAmountChanged': {
      const { retainerId, amountCents, billingPeriod, toMonthlyAmountCents } = event.data;
      const before = state.retainers.get(retainerId);
      const started = before?.started ?? { amountCents, currency: event.data.currency, billingPeriod };
      return withRetainer(state, retainerId, { status: 'active', amountCents, billingPeriod, monthlyAmountCents: toMonthlyAmountCents, started });
    }
    case 'RetainerCancelled': {
      const retainer = state.retainers.get(event.data.retainerId);
      return retainer ? withRetainer(state, event.data.retainerId, { ...retainer, status: 'cancelled' }) : state;
    }
    case 'ClientOffboarded':
      return { ...state, status: 'offboarded' };
    case 'ClientReactivated':
      return { ...state, status: 'active' };
    default:
      return state;
  }
}

function withRetainer(state: OnboardedClient, retainerId: string, retainer: RetainerState): OnboardedClient {
  return { ...state, retainers: new Map(state.retainers).set(retainerId, retainer) };
}

export function ensureOnboarded(state: ClientState, clientId: string): asserts state is OnboardedClient {
  ensure(state.status !== 'none', 'client.not_onboarded', `Client ${clientId} has not been onboarded`);
}

export function ensureNotOffboarded(state: OnboardedClient): void {
  ensure(state.status === 'active', 'client.offboarded', `Client ${state.clientId} is offboarded; reactivate it first`);
}
