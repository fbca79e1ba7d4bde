import { ensure, ensureNonEmpty, ensurePositiveMoney, ensureSameFacts } from '../shared/rules';
import type { CancelRetainer, ChangeRetainerAmount, StartRetainer } from './client.commands';
import { billingPeriods, type BillingPeriod, type ClientEvent } from './client.events';
import { ensureNotOffboarded, ensureOnboarded, type ClientState, type OnboardedClient, type RetainerState } from './client.state';

/** Annual retainers count 1/12 per month, rounded half up to whole cents. */
export function monthlyAmountCents(amountCents: number, billingPeriod: BillingPeriod): number {
  return billingPeriod === 'ANNUAL' ? Math.round(amountCents / 12) : amountCents;
}

export function startRetainer({ data }: StartRetainer, state: ClientState): ClientEvent[] {
  ensureOnboarded(state, data.clientId);
  const existing = state.retainers.get(data.retainerId);
  if (existing) {
    const { amountCents, currency, billingPeriod } = data;
    ensureSameFacts('retainer', data.retainerId, existing.started, { amountCents, currency, billingPeriod }, 'ChangeRetainerAmount');
    return [];
  }
  ensureNotOffboarded(state);
  ensureNonEmpty(data.retainerId, 'retainerId');
  const monthly = validMonthlyAmount(state, data.amountCents, data.currency, data.billingPeriod);
  const { clientId, retainerId, amountCents, currency, billingPeriod } = data;
  return [{ type: 'RetainerStarted', data: { clientId, retainerId, amountCents, currency, billingPeriod, monthlyAmountCents: monthly } }];
}

export function changeRetainerAmount({ data }: ChangeRetainerAmount, state: ClientState): ClientEvent[] {
  ensureOnboarded(state, data.clientId);
  const retainer = knownRetainer(state, data.retainerId);
  ensure(retainer.status === 'active', 'retainer.cancelled', `Retainer ${data.retainerId} is cancelled`);
  const billingPeriod = data.billingPeriod ?? retainer.billingPeriod;
  const toMonthlyAmountCents = validMonthlyAmount(state, data.amountCents, data.currency, billingPeriod);
  if (data.amountCents === retainer.amountCents && billingPeriod === retainer.billingPeriod) return [];
  const { clientId, retainerId, amountCents, currency } = data;
  const fromMonthlyAmountCents = retainer.monthlyAmountCents;
  return [
    { type: 'RetainerAmountChanged', data: { clientId, retainerId, amountCents, currency, billingPeriod, fromMonthlyAmountCents, toMonthlyAmountCents } },
  ];
}

export function cancelRetainer({ data }: CancelRetainer, state: ClientState): ClientEvent[] {
  ensureOnboarded(state, data.clientId);
  const retainer = knownRetainer(state, data.retainerId);
  if (retainer.status === 'cancelled') return [];
  ensureNonEmpty(data.reason, 'reason');
  return [retainerCancelled(state, data.retainerId, retainer, data.reason)];
}

export function retainerCancelled(state: OnboardedClient, retainerId: string, retainer: RetainerState, reason: string): ClientEvent {
  const { clientId, currency } = state;
  return { type: 'RetainerCancelled', data: { clientId, retainerId, reason, monthlyAmountCents: retainer.monthlyAmountCents, currency } };
}

function knownRetainer(state: OnboardedClient, retainerId: string): RetainerState {
  const retainer = state.retainers.get(retainerId);
  ensure(retainer !== undefined, 'retainer.unknown', `Client ${state.clientId} has no retainer ${retainerId}`);
  return retainer;
}

function validMonthlyAmount(state: OnboardedClient, amountCents: number, currency: string, billingPeriod: BillingPeriod): number {
  ensure(billingPeriods.includes(billingPeriod), 'retainer.invalid_billing_period', `billingPeriod must be one of ${billingPeriods.join(', ')}, got "${billingPeriod}"`);
  ensurePositiveMoney(amountCents, currency, 'retainer.invalid_amount');
  ensure(currency === state.currency, 'retainer.currency_mismatch', `Retainer in ${currency} for a client billed in ${state.currency}`);
  const monthly = monthlyAmountCents(amountCents, billingPeriod);
  ensure(monthly > 0, 'retainer.invalid_amount', `An annual amount of ${amountCents} cents is less than one cent a month`);
  return monthly;
}
