import type { BillingPeriod, ClientEvent, ClientTier } from '../../aggregates/client/client.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import { occurredAt } from '../shared/event-instant';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';

/** A tier the client held from `at` (the first entry is the onboarding tier). */
export type TierChange = { at: string; tier: ClientTier };

/** The client is active in [from, to); `to` is null while it still is. */
export type ActiveInterval = { from: string; to: string | null };

/** What the retainer adds to MRR from `at` on, until the next change or its cancellation. */
export type RetainerAmount = { at: string; monthlyAmountCents: number };

export type ClientRetainer = {
  retainerId: string;
  billingPeriod: BillingPeriod;
  /** The contract amount per billing period, as last set. */
  amountCents: number;
  amounts: RetainerAmount[];
  startedAt: string;
  cancelledAt: string | null;
};

/** One client; instants are ISO UTC strings taken from each event's `occurredAt`. */
export interface ClientDocument extends ReadDocument {
  readonly clientId: string;
  readonly name: string;
  readonly tier: ClientTier;
  readonly tierHistory: TierChange[];
  readonly industry: string;
  readonly sourceLeadId: string | null;
  readonly sourceCampaignId: string | null;
  readonly currency: string;
  readonly onboardedAt: string;
  readonly active: boolean;
  readonly activeIntervals: ActiveInterval[];
  /** When the client last left; null if it never did. */
  readonly offboardedAt: string | null;
  readonly retainers: ClientRetainer[];
  /** When the client's first retainer started, so MRR queries skip clients that never had one. */
  readonly firstRetainerAt: string | null;
}

export const clientsCollection = 'clients';

type Event = RecordedOf<ClientEvent>;

function onboarded(event: RecordedOfType<ClientEvent, 'ClientOnboarded'>, id: string): ClientDocument {
  const { data } = event;
  const at = occurredAt(event);
  return {
    _id: id,
    clientId: data.clientId,
    name: data.name,
    tier: data.tier,
    tierHistory: [{ at, tier: data.tier }],
    industry: data.industry,
    sourceLeadId: data.sourceLeadId,
    sourceCampaignId: data.sourceCampaignId,
    currency: data.currency,
    onboardedAt: at,
    active: true,
    activeIntervals: [{ from: at, to: null }],
    offboardedAt: null,
    retainers: [],
    firstRetainerAt: null,
  };
}

function withRetainer(client: ClientDocument, retainerId: string, change: (retainer: ClientRetainer) => ClientRetainer): ClientDocument {
  return { ...client, retainers: client.retainers.map((retainer) => (retainer.retainerId === retainerId ? change(retainer) : retainer)) };
}

function retainerStarted(client: ClientDocument, event: RecordedOfType<ClientEvent, 'RetainerStarted'>): ClientDocument {
  const { data } = event;
  if (client.retainers.some((retainer) => retainer.retainerId === data.retainerId)) return client;
  const at = occurredAt(event);
  const retainer: ClientRetainer = {
    retainerId: data.retainerId,
    billingPeriod: data.billingPeriod,
    amountCents: data.amountCents,
    amounts: [{ at, monthlyAmountCents: data.monthlyAmountCents }],
    startedAt: at,
    cancelledAt: null,
  };
  return { ...client, retainers: [...client.retainers, retainer], firstRetainerAt: client.firstRetainerAt ?? at };
}

function evolveClient(client: ClientDocument, event: Event): ClientDocument {
  const at = occurredAt(event);
  switch (event.type) {
    case 'ClientTierChanged':
      return { ...client, tier: event.data.to, tierHistory: [...client.tierHistory, { at, tier: event.data.to }] };
    case 'RetainerStarted':
      return retainerStarted(client, event);
    case 'RetainerAmountChanged': {
      const { retainerId, amountCents, billingPeriod, toMonthlyAmountCents } = event.data;
      return withRetainer(client, retainerId, (retainer) => ({
        ...retainer,
        amountCents,
        billingPeriod,
        amounts: [...retainer.amounts, { at, monthlyAmountCents: toMonthlyAmountCents }],
      }));
    }
    case 'RetainerCancelled':
      return withRetainer(client, event.data.retainerId, (retainer) => ({ ...retainer, cancelledAt: retainer.cancelledAt ?? at }));
    case 'ClientOffboarded': {
      if (!client.active) return client;
      const activeIntervals = client.activeIntervals.map((interval) => (interval.to === null ? { ...interval, to: at } : interval));
      return { ...client, active: false, offboardedAt: at, activeIntervals };
    }
    case 'ClientReactivated':
      if (client.active) return client;
      return { ...client, active: true, activeIntervals: [...client.activeIntervals, { from: at, to: null }] };
    default:
      return client;
  }
}

const handled: readonly ClientEvent['type'][] = [
  'ClientOnboarded',
  'ClientTierChanged',
  'RetainerStarted',
  'RetainerAmountChanged',
  'RetainerCancelled',
  'ClientOffboarded',
  'ClientReactivated',
];

/** One document per client: tiers, active intervals and retainers over time, for MRR and churn. */
export const clientsProjection: Projection<ClientDocument> = {
  name: clientsCollection,
  version: 1,
  handles: handled,
  documentIds: (event) => [(event.data as { clientId: string }).clientId],
  evolve(document, recorded, id) {
    const event = recorded as Event;
    if (event.type === 'ClientOnboarded') return document ?? onboarded(event, id);
    // Facts about a client never onboarded have nothing to attach to.
    return document === null ? null : evolveClient(document, event);
  },
  indexes: [
    { name: 'clients_onboarded_at', fields: ['onboardedAt'] },
    { name: 'clients_first_retainer_at', fields: ['firstRetainerAt'] },
    { name: 'clients_source_campaign', fields: ['sourceCampaignId'] },
  ],
};
