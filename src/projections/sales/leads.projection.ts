import type { LeadEvent, LeadSource, LeadStage } from '../../aggregates/lead/lead.events';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { RecordedOf, RecordedOfType } from '../shared/recorded';
import { occurredAt } from '../shared/event-instant';

export type LeadStatus = 'open' | 'won' | 'lost';

/** The lead as it stood from `at` on: point-in-time questions (open at period end) read these. */
export type LeadSnapshot = { at: string; status: LeadStatus; stage: LeadStage; valueCents: number | null; currency: string | null };

/**
 * One lead, with its current state and every state it went through. Stage moves that skip stages
 * and wins from an early stage record each step, so `history` holds every stage reached.
 */
export interface LeadDocument extends ReadDocument {
  readonly leadId: string;
  readonly name: string;
  readonly email: string | null;
  readonly company: string | null;
  readonly source: LeadSource;
  readonly campaignId: string | null;
  readonly capturedAt: string;
  readonly status: LeadStatus;
  readonly stage: LeadStage;
  /** Latest estimate, or the deal value once won. */
  readonly valueCents: number | null;
  readonly currency: string | null;
  readonly clientId: string | null;
  readonly wonAt: string | null;
  /** The latest win or loss; a reopened lead keeps it until it closes again. */
  readonly lastClosedAt: string | null;
  readonly history: LeadSnapshot[];
}

type Event = RecordedOf<LeadEvent>;

function captured(event: RecordedOfType<LeadEvent, 'LeadCaptured'>, id: string): LeadDocument {
  const at = occurredAt(event);
  const { name, email, company, source, campaignId } = event.data;
  const snapshot: LeadSnapshot = { at, status: 'open', stage: 'PROSPECT', valueCents: null, currency: null };
  return { _id: id, leadId: id, name, email, company, source, campaignId, capturedAt: at, ...current(snapshot), clientId: null, wonAt: null, lastClosedAt: null, history: [snapshot] };
}

/** The lead was captured earlier than first recorded: its first state began then too. */
function backdated(lead: LeadDocument, capturedAt: string): LeadDocument {
  if (capturedAt >= lead.capturedAt) return lead;
  const [first, ...later] = lead.history;
  return { ...lead, capturedAt, history: [{ ...first!, at: capturedAt }, ...later] };
}

function current({ status, stage, valueCents, currency }: Omit<LeadSnapshot, 'at'>): Omit<LeadSnapshot, 'at'> {
  return { status, stage, valueCents, currency };
}

/** The lead's next state, or null when the event changes nothing the read model keeps. */
function nextState(lead: LeadDocument, event: Event): Omit<LeadSnapshot, 'at'> | null {
  const state = current(lead);
  switch (event.type) {
    case 'LeadStageChanged':
      return { ...state, stage: event.data.to };
    case 'LeadValueEstimated':
      return { ...state, valueCents: event.data.valueCents, currency: event.data.currency };
    case 'LeadWon':
      return { ...state, status: 'won', valueCents: event.data.valueCents, currency: event.data.currency };
    case 'LeadLost':
      return { ...state, status: 'lost' };
    case 'LeadReopened':
      return { ...state, status: 'open', stage: event.data.toStage };
    default:
      return null;
  }
}

function evolveLead(lead: LeadDocument, event: Event): LeadDocument {
  const next = nextState(lead, event);
  if (!next) return lead;
  const at = occurredAt(event);
  const closes = next.status !== 'open' && lead.status === 'open';
  return {
    ...lead,
    ...next,
    clientId: event.type === 'LeadWon' ? event.data.clientId : lead.clientId,
    wonAt: event.type === 'LeadWon' ? at : lead.wonAt,
    lastClosedAt: closes ? at : lead.lastClosedAt,
    history: [...lead.history, { at, ...next }],
  };
}

export const leadsProjection: Projection<LeadDocument> = {
  name: 'leads',
  version: 3,
  handles: ['LeadCaptured', 'LeadCaptureBackdated', 'LeadStageChanged', 'LeadValueEstimated', 'LeadWon', 'LeadLost', 'LeadReopened'],
  documentIds: (event) => [(event.data as { leadId: string }).leadId],
  evolve(lead, recorded, id) {
    const event = recorded as Event;
    if (event.type === 'LeadCaptured') return lead ?? captured(event, id);
    if (lead === null) return null;
    return event.type === 'LeadCaptureBackdated' ? backdated(lead, occurredAt(event)) : evolveLead(lead, event);
  },
  indexes: [
    { name: 'leads_captured_at', fields: ['capturedAt'] },
    { name: 'leads_won_at', fields: ['wonAt'] },
    { name: 'leads_campaign', fields: ['campaignId'] },
    { name: 'leads_last_closed_at', fields: ['lastClosedAt'] },
    { name: 'leads_status', fields: ['status', 'capturedAt'] },
  ],
};
