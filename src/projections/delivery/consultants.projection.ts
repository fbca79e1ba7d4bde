import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { ConsultantEvent, ConsultantRegistered } from '../../aggregates/consultant/consultant.events';
import { occurredAt } from '../shared/event-instant';
import { domainEventOf } from './domain-event';

/** A weekly capacity in effect from the instant `from` (ISO UTC) until the next one. */
export type CapacityPeriod = { readonly from: string; readonly weeklyCapacityHours: number };

/** Registered at `from`, deactivated at `to` (null while still active). */
export type ActiveInterval = { readonly from: string; readonly to: string | null };

/** Hours of leave on one business date. */
export type TimeOff = { readonly timeOffId: string; readonly date: string; readonly hours: number };

/**
 * One consultant: current rates and capacity, and the history utilisation needs — capacity with
 * the instants it took effect, the intervals the consultant was active, and time off by date.
 */
export interface ConsultantDocument extends ReadDocument {
  readonly consultantId: string;
  readonly name: string;
  readonly weeklyCapacityHours: number;
  readonly costRateCents: number;
  readonly billRateCents: number;
  readonly currency: string;
  readonly registeredAt: string;
  readonly deactivatedAt: string | null;
  readonly capacityHistory: CapacityPeriod[];
  readonly activeIntervals: ActiveInterval[];
  readonly timeOff: TimeOff[];
}

export const consultantsProjection: Projection<ConsultantDocument> = {
  name: 'consultants',
  version: 1,
  handles: ['ConsultantRegistered', 'ConsultantCapacityChanged', 'ConsultantRatesChanged', 'TimeOffRecorded', 'ConsultantDeactivated'],
  documentIds: (event) => [(event.data as { consultantId: string }).consultantId],
  evolve(document, recorded, id) {
    const event = domainEventOf<ConsultantEvent>(recorded);
    const at = occurredAt(recorded);
    if (event.type === 'ConsultantRegistered') return document ?? registered(event.data, at, id);
    // Facts about a consultant never registered have nothing to attach to.
    if (!document) return null;
    switch (event.type) {
      case 'ConsultantCapacityChanged': {
        const { weeklyCapacityHours } = event.data;
        return { ...document, weeklyCapacityHours, capacityHistory: [...document.capacityHistory, { from: at, weeklyCapacityHours }] };
      }
      case 'ConsultantRatesChanged': {
        const { costRateCents, billRateCents, currency } = event.data;
        return { ...document, costRateCents, billRateCents, currency };
      }
      case 'TimeOffRecorded': {
        const { timeOffId, date, hours } = event.data;
        if (document.timeOff.some((timeOff) => timeOff.timeOffId === timeOffId)) return document;
        return { ...document, timeOff: [...document.timeOff, { timeOffId, date, hours }] };
      }
      case 'ConsultantDeactivated':
        return document.deactivatedAt ? document : deactivated(document, at);
      default:
        return document;
    }
  },
  indexes: [{ name: 'consultants_registered_at', fields: ['registeredAt'] }],
};

function registered(data: ConsultantRegistered['data'], at: string, id: string): ConsultantDocument {
  const { name, weeklyCapacityHours, costRateCents, billRateCents, currency } = data;
  return {
    _id: id,
    consultantId: id,
    name,
    weeklyCapacityHours,
    costRateCents,
    billRateCents,
    currency,
    registeredAt: at,
    deactivatedAt: null,
    capacityHistory: [{ from: at, weeklyCapacityHours }],
    activeIntervals: [{ from: at, to: null }],
    timeOff: [],
  };
}

function deactivated(document: ConsultantDocument, at: string): ConsultantDocument {
  const activeIntervals = document.activeIntervals.map((interval) => (interval.to === null ? { ...interval, to: at } : interval));
  return { ...document, deactivatedAt: at, activeIntervals };
}
