import type { DomainEvent } from '../../core/messages';

/** Rates are hourly, in cents of `currency`; `billRateCents` is the default for new time entries. */
export type ConsultantRegistered = DomainEvent<
  'ConsultantRegistered',
  {
    consultantId: string;
    name: string;
    email: string;
    weeklyCapacityHours: number;
    costRateCents: number;
    billRateCents: number;
    currency: string;
  }
>;

/** The new capacity applies from this event's `occurredAt`. */
export type ConsultantCapacityChanged = DomainEvent<
  'ConsultantCapacityChanged',
  { consultantId: string; weeklyCapacityHours: number; previousWeeklyCapacityHours: number }
>;

/** Applies to time logged afterwards; entries already logged keep the rates they were logged with. */
export type ConsultantRatesChanged = DomainEvent<
  'ConsultantRatesChanged',
  { consultantId: string; costRateCents: number; billRateCents: number; currency: string }
>;

/** Hours of leave on one calendar day (business time zone); a week off is five of these. */
export type TimeOffRecorded = DomainEvent<'TimeOffRecorded', { consultantId: string; timeOffId: string; date: string; hours: number }>;

/** From its `occurredAt` the consultant has no capacity and cannot log hours. */
export type ConsultantDeactivated = DomainEvent<'ConsultantDeactivated', { consultantId: string }>;

export type ConsultantEvent =
  | ConsultantRegistered
  | ConsultantCapacityChanged
  | ConsultantRatesChanged
  | TimeOffRecorded
  | ConsultantDeactivated;
