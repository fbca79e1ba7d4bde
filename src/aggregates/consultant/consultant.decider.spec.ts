import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ConsultantCommand } from './consultant.commands';
import { consultantDecider } from './consultant.decider';
import type { ConsultantEvent } from './consultant.events';

const spec = deciderSpec(consultantDecider);
const occurredAt = '2026-03-02T00:00:00.000Z';

type Registration = Extract<ConsultantCommand, { type: 'RegisterConsultant' }>['data'];
const registration: Registration = {
  consultantId: 'k-1',
  name: 'Ada',
  email: 'ada@zixly.example',
  weeklyCapacityHours: 37.5,
  costRateCents: 6_000,
  billRateCents: 15_000,
  currency: 'AUD',
};
const registered: ConsultantEvent = { type: 'ConsultantRegistered', data: registration };
const deactivated: ConsultantEvent = { type: 'ConsultantDeactivated', data: { consultantId: 'k-1' } };
const register = (overrides: Partial<Registration> = {}): ConsultantCommand => ({
  type: 'RegisterConsultant',
  occurredAt,
  data: { ...registration, ...overrides },
});
const changeCapacity = (weeklyCapacityHours: number): ConsultantCommand => ({
  type: 'ChangeConsultantCapacity',
  occurredAt,
  data: { consultantId: 'k-1', weeklyCapacityHours },
});
const changeRates = (costRateCents: number, billRateCents: number, currency = 'AUD'): ConsultantCommand => ({
  type: 'ChangeConsultantRates',
  occurredAt,
  data: { consultantId: 'k-1', costRateCents, billRateCents, currency },
});
const recordTimeOff = (timeOffId: string, hours: number, date = '2026-03-06'): ConsultantCommand => ({
  type: 'RecordTimeOff',
  occurredAt,
  data: { consultantId: 'k-1', timeOffId, date, hours },
});
const timeOffRecorded = (timeOffId: string, hours: number): ConsultantEvent => ({
  type: 'TimeOffRecorded',
  data: { consultantId: 'k-1', timeOffId, date: '2026-03-06', hours },
});
const deactivate: ConsultantCommand = { type: 'DeactivateConsultant', occurredAt, data: { consultantId: 'k-1' } };

describe('consultant decider', () => {
  it('registers a consultant with weekly capacity, cost rate and default bill rate', () => spec.given([]).when(register()).then([registered]));

  it('treats registering the same consultant again as a no-op', () => spec.given([registered]).when(register({ name: 'Ada L.' })).thenNothingHappens());

  it('rejects a weekly capacity that is not above 0 and at most 80 hours in hundredths', () => {
    for (const weeklyCapacityHours of [0, -1, 80.01, 37.555, Number.NaN]) {
      spec.given([]).when(register({ weeklyCapacityHours })).thenRejects('consultant.invalid_capacity');
    }
  });

  it('accepts the full 80-hour week', () =>
    spec.given([]).when(register({ weeklyCapacityHours: 80 })).then([{ type: 'ConsultantRegistered', data: { ...registration, weeklyCapacityHours: 80 } }]));

  it('accepts a cost rate of zero', () =>
    spec.given([]).when(register({ costRateCents: 0 })).then([{ type: 'ConsultantRegistered', data: { ...registration, costRateCents: 0 } }]));

  it('rejects rates that are negative or not whole cents', () => {
    spec.given([]).when(register({ costRateCents: -1 })).thenRejects('consultant.invalid_rate');
    spec.given([]).when(register({ billRateCents: 150.5 })).thenRejects('consultant.invalid_rate');
  });

  it('rejects an e-mail that is not an address', () => spec.given([]).when(register({ email: 'ada' })).thenRejects('input.invalid_email'));

  it('changes the capacity and records the previous one', () =>
    spec.given([registered]).when(changeCapacity(24)).then([
      { type: 'ConsultantCapacityChanged', data: { consultantId: 'k-1', weeklyCapacityHours: 24, previousWeeklyCapacityHours: 37.5 } },
    ]));

  it('treats changing to the current capacity as a no-op', () => spec.given([registered]).when(changeCapacity(37.5)).thenNothingHappens());

  it('rejects a capacity above 80 hours', () => spec.given([registered]).when(changeCapacity(81)).thenRejects('consultant.invalid_capacity'));

  it('rejects changing the capacity of a deactivated consultant', () =>
    spec.given([registered, deactivated]).when(changeCapacity(20)).thenRejects('consultant.inactive'));

  it('changes the rates', () =>
    spec.given([registered]).when(changeRates(6_500, 16_000)).then([
      { type: 'ConsultantRatesChanged', data: { consultantId: 'k-1', costRateCents: 6_500, billRateCents: 16_000, currency: 'AUD' } },
    ]));

  it('treats changing to the current rates as a no-op', () => spec.given([registered]).when(changeRates(6_000, 15_000)).thenNothingHappens());

  it('rejects rates in another currency than the consultant’s', () =>
    spec.given([registered]).when(changeRates(6_000, 15_000, 'USD')).thenRejects('consultant.currency_mismatch'));

  it('rejects a negative rate change', () => spec.given([registered]).when(changeRates(-5, 15_000)).thenRejects('consultant.invalid_rate'));

  it('rejects changing the rates of a deactivated consultant', () =>
    spec.given([registered, deactivated]).when(changeRates(6_500, 16_000)).thenRejects('consultant.inactive'));

  it('rejects changing the rates of a consultant never registered', () => spec.given([]).when(changeRates(6_500, 16_000)).thenRejects('consultant.unknown'));

  it('records hours of time off on a day', () => spec.given([registered]).when(recordTimeOff('leave-1', 7.5)).then([timeOffRecorded('leave-1', 7.5)]));

  it('refuses a time-off id reused with other hours', () =>
    spec.given([registered, timeOffRecorded('leave-1', 7.5)]).when(recordTimeOff('leave-1', 4)).thenRejects('time_off.exists_with_other_facts'));

  it('treats the same time-off id twice as a no-op, even after deactivation', () =>
    spec.given([registered, timeOffRecorded('leave-1', 7.5), deactivated]).when(recordTimeOff('leave-1', 7.5)).thenNothingHappens());

  it('accepts a whole day of 24 hours off', () => spec.given([registered]).when(recordTimeOff('leave-1', 24)).then([timeOffRecorded('leave-1', 24)]));

  it('rejects time off that is not above 0 and at most 24 hours', () => {
    for (const hours of [0, -2, 24.5]) spec.given([registered]).when(recordTimeOff('leave-1', hours)).thenRejects('time_off.invalid_hours');
  });

  it('rejects time off on something that is not a calendar date', () =>
    spec.given([registered]).when(recordTimeOff('leave-1', 8, '2026-02-30')).thenRejects('input.invalid_date'));

  it('rejects time off for a deactivated consultant', () =>
    spec.given([registered, deactivated]).when(recordTimeOff('leave-2', 8)).thenRejects('consultant.inactive'));

  it('rejects time off for a consultant never registered', () => spec.given([]).when(recordTimeOff('leave-1', 8)).thenRejects('consultant.unknown'));

  it('deactivates a consultant', () => spec.given([registered]).when(deactivate).then([deactivated]));

  it('treats deactivating a deactivated consultant as a no-op', () => spec.given([registered, deactivated]).when(deactivate).thenNothingHappens());

  it('rejects deactivating a consultant never registered', () => spec.given([]).when(deactivate).thenRejects('consultant.unknown'));
});
