import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureCurrency, ensureNonEmpty } from '../shared/rules';
import type { ChangeClientTier, ClientCommand, OffboardClient, OnboardClient, ReactivateClient } from './client.commands';
import { clientTiers, type ClientEvent, type ClientTier } from './client.events';
import { ensureNotOffboarded, ensureOnboarded, evolveClient, type ClientState } from './client.state';
import { cancelRetainer, changeRetainerAmount, retainerCancelled, startRetainer } from './retainer.decide';

export type { ClientState } from './client.state';

export const clientStream = (clientId: string) => streamName('Client', clientId);

export const clientDecider: Decider<ClientCommand, ClientEvent, ClientState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'OnboardClient':
        return onboard(command, state);
      case 'ChangeClientTier':
        return changeTier(command, state);
      case 'StartRetainer':
        return startRetainer(command, state);
      case 'ChangeRetainerAmount':
        return changeRetainerAmount(command, state);
      case 'CancelRetainer':
        return cancelRetainer(command, state);
      case 'OffboardClient':
        return offboard(command, state);
      case 'ReactivateClient':
        return reactivate(command, state);
    }
  },
  evolve: evolveClient,
};

export function ensureTier(tier: string): asserts tier is ClientTier {
  ensure((clientTiers as readonly string[]).includes(tier), 'client.invalid_tier', `tier must be one of ${clientTiers.join(', ')}, got "${tier}"`);
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function onboard({ data }: OnboardClient, state: ClientState): ClientEvent[] {
  if (state.status !== 'none') return [];
  ensureNonEmpty(data.name, 'name');
  ensureTier(data.tier);
  ensureNonEmpty(data.industry, 'industry');
  ensureCurrency(data.currency);
  const contactEmail = data.contactEmail ?? null;
  ensure(contactEmail === null || emailPattern.test(contactEmail), 'input.invalid_email', `contactEmail "${contactEmail}" is not an e-mail address`);
  const { clientId, name, tier, industry, currency } = data;
  const sources = { sourceLeadId: data.sourceLeadId ?? null, sourceCampaignId: data.sourceCampaignId ?? null };
  return [{ type: 'ClientOnboarded', data: { clientId, name, tier, industry, ...sources, contactEmail, currency } }];
}

function changeTier({ data }: ChangeClientTier, state: ClientState): ClientEvent[] {
  ensureOnboarded(state, data.clientId);
  ensureNotOffboarded(state);
  ensureTier(data.tier);
  if (state.tier === data.tier) return [];
  return [{ type: 'ClientTierChanged', data: { clientId: data.clientId, from: state.tier, to: data.tier } }];
}

/** Cancels every active retainer first, so MRR projections see churn as ordinary cancellations. */
function offboard({ data }: OffboardClient, state: ClientState): ClientEvent[] {
  ensureOnboarded(state, data.clientId);
  if (state.status === 'offboarded') return [];
  ensureNonEmpty(data.reason, 'reason');
  const cancellations = [...state.retainers]
    .filter(([, retainer]) => retainer.status === 'active')
    .map(([retainerId, retainer]) => retainerCancelled(state, retainerId, retainer, data.reason));
  return [...cancellations, { type: 'ClientOffboarded', data: { clientId: data.clientId, reason: data.reason } }];
}

/** Reactivating an active client is a no-op; retainers are started again explicitly. */
function reactivate({ data }: ReactivateClient, state: ClientState): ClientEvent[] {
  ensureOnboarded(state, data.clientId);
  if (state.status === 'active') return [];
  return [{ type: 'ClientReactivated', data: { clientId: data.clientId } }];
}
