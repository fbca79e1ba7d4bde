import type { Command } from '../../core/messages';

/** Registering the same consultant id again is a no-op: the first registration wins. */
export type RegisterConsultant = Command<
  'RegisterConsultant',
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

export type ChangeConsultantCapacity = Command<'ChangeConsultantCapacity', { consultantId: string; weeklyCapacityHours: number }>;

export type ChangeConsultantRates = Command<
  'ChangeConsultantRates',
  { consultantId: string; costRateCents: number; billRateCents: number; currency: string }
>;

/** `timeOffId` is the leave entry's id in its source: recording it twice is a no-op. */
export type RecordTimeOff = Command<'RecordTimeOff', { consultantId: string; timeOffId: string; date: string; hours: number }>;

export type DeactivateConsultant = Command<'DeactivateConsultant', { consultantId: string }>;

export type ConsultantCommand =
  | RegisterConsultant
  | ChangeConsultantCapacity
  | ChangeConsultantRates
  | RecordTimeOff
  | DeactivateConsultant;
