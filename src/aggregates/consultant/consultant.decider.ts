import type { Decider } from '../../core/decider';
import { streamName } from '../../core/stream-name';
import { ensure, ensureCalendarDate, ensureCurrency, ensureNonEmpty, ensureSameFacts } from '../shared/rules';
import type {
  ChangeConsultantCapacity,
  ChangeConsultantRates,
  ConsultantCommand,
  DeactivateConsultant,
  RecordTimeOff,
  RegisterConsultant,
} from './consultant.commands';
import type { ConsultantEvent } from './consultant.events';
import { ensureHours, ensureRateCents } from './hours.rules';

type RegisteredConsultant = {
  status: 'active' | 'inactive';
  consultantId: string;
  weeklyCapacityHours: number;
  costRateCents: number;
  billRateCents: number;
  currency: string;
  /** Time off by its id, to tell a repeated record from one that reuses the id with other facts. */
  timeOff: ReadonlyMap<string, { date: string; hours: number }>;
};

export type ConsultantState = { status: 'none' } | RegisteredConsultant;

/** A working week of 80 hours is the most anyone is planned for. */
export const maxWeeklyCapacityHours = 80;

export const consultantStream = (consultantId: string) => streamName('Consultant', consultantId);

export const consultantDecider: Decider<ConsultantCommand, ConsultantEvent, ConsultantState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    switch (command.type) {
      case 'RegisterConsultant':
        return register(command, state);
      case 'ChangeConsultantCapacity':
        return changeCapacity(command, state);
      case 'ChangeConsultantRates':
        return changeRates(command, state);
      case 'RecordTimeOff':
        return recordTimeOff(command, state);
      case 'DeactivateConsultant':
        return deactivate(command, state);
    }
  },
  evolve(state, event) {
    if (event.type === 'ConsultantRegistered') {
      const { consultantId, weeklyCapacityHours, costRateCents, billRateCents, currency } = event.data;
      return { status: 'active', consultantId, weeklyCapacityHours, costRateCents, billRateCents, currency, timeOff: new Map() };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ConsultantCapacityChanged':
        return { ...state, weeklyCapacityHours: event.data.weeklyCapacityHours };
      case 'ConsultantRatesChanged':
        return { ...state, costRateCents: event.data.costRateCents, billRateCents: event.data.billRateCents, currency: event.data.currency };
      case 'TimeOffRecorded':
        return { ...state, timeOff: new Map([...state.timeOff, [event.data.timeOffId, { date: event.data.date, hours: event.data.hours }]]) };
      case 'ConsultantDeactivated':
        return { ...state, status: 'inactive' };
      default:
        return state;
    }
  },
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function register({ data }: RegisterConsultant, state: ConsultantState): ConsultantEvent[] {
  if (state.status !== 'none') return [];
  ensureNonEmpty(data.name, 'name');
  ensure(emailPattern.test(data.email), 'input.invalid_email', `email "${data.email}" is not an e-mail address`);
  ensureHours(data.weeklyCapacityHours, maxWeeklyCapacityHours, 'consultant.invalid_capacity', 'weeklyCapacityHours');
  ensureRates(data);
  const { consultantId, name, email, weeklyCapacityHours, costRateCents, billRateCents, currency } = data;
  return [{ type: 'ConsultantRegistered', data: { consultantId, name, email, weeklyCapacityHours, costRateCents, billRateCents, currency } }];
}

function changeCapacity({ data }: ChangeConsultantCapacity, state: ConsultantState): ConsultantEvent[] {
  ensureActive(state, data.consultantId);
  ensureHours(data.weeklyCapacityHours, maxWeeklyCapacityHours, 'consultant.invalid_capacity', 'weeklyCapacityHours');
  if (data.weeklyCapacityHours === state.weeklyCapacityHours) return [];
  const { consultantId, weeklyCapacityHours } = data;
  return [{ type: 'ConsultantCapacityChanged', data: { consultantId, weeklyCapacityHours, previousWeeklyCapacityHours: state.weeklyCapacityHours } }];
}

function changeRates({ data }: ChangeConsultantRates, state: ConsultantState): ConsultantEvent[] {
  ensureActive(state, data.consultantId);
  ensureRates(data);
  ensure(data.currency === state.currency, 'consultant.currency_mismatch', `Rates in ${data.currency} for a consultant paid in ${state.currency}`);
  if (data.costRateCents === state.costRateCents && data.billRateCents === state.billRateCents) return [];
  const { consultantId, costRateCents, billRateCents, currency } = data;
  return [{ type: 'ConsultantRatesChanged', data: { consultantId, costRateCents, billRateCents, currency } }];
}

function recordTimeOff({ data }: RecordTimeOff, state: ConsultantState): ConsultantEvent[] {
  ensureRegistered(state, data.consultantId);
  const recorded = state.timeOff.get(data.timeOffId);
  if (recorded) {
    ensureSameFacts('time_off', data.timeOffId, recorded, { date: data.date, hours: data.hours }, null);
    return [];
  }
  ensureActive(state, data.consultantId);
  ensureNonEmpty(data.timeOffId, 'timeOffId');
  ensureCalendarDate(data.date, 'date');
  ensureHours(data.hours, 24, 'time_off.invalid_hours');
  const { consultantId, timeOffId, date, hours } = data;
  return [{ type: 'TimeOffRecorded', data: { consultantId, timeOffId, date, hours } }];
}

function deactivate({ data }: DeactivateConsultant, state: ConsultantState): ConsultantEvent[] {
  ensureRegistered(state, data.consultantId);
  if (state.status === 'inactive') return [];
  return [{ type: 'ConsultantDeactivated', data: { consultantId: data.consultantId } }];
}

function ensureRates(data: { costRateCents: number; billRateCents: number; currency: string }): void {
  ensureRateCents(data.costRateCents, 'consultant.invalid_rate', 'costRateCents');
  ensureRateCents(data.billRateCents, 'consultant.invalid_rate', 'billRateCents');
  ensureCurrency(data.currency);
}

function ensureRegistered(state: ConsultantState, consultantId: string): asserts state is RegisteredConsultant {
  ensure(state.status !== 'none', 'consultant.unknown', `Consultant ${consultantId} is not registered`);
}

function ensureActive(state: ConsultantState, consultantId: string): asserts state is RegisteredConsultant {
  ensureRegistered(state, consultantId);
  ensure(state.status === 'active', 'consultant.inactive', `Consultant ${consultantId} is deactivated`);
}
