import type { DomainEvent } from '../../core/messages';
import type { ClientTier } from '../client/client.events';

/** A budget of 0 hours or 0 cents means "no budget": burn ratios over it are null. */
export type ProjectStarted = DomainEvent<
  'ProjectStarted',
  {
    projectId: string;
    clientId: string;
    /** The client's tier when the project started. */
    tier: ClientTier;
    name: string;
    budgetHours: number;
    budgetAmountCents: number;
    currency: string;
    /** Calendar dates in the business time zone. */
    startedOn: string;
    dueOn: string;
  }
>;

/** On time when `completedOn <= dueOn` of `ProjectStarted`. */
export type ProjectCompleted = DomainEvent<'ProjectCompleted', { projectId: string; completedOn: string }>;

export type ProjectCancelled = DomainEvent<'ProjectCancelled', { projectId: string; reason: string }>;

/**
 * The facts of a time entry that KPIs use. Rates are hourly, in cents of `currency`, taken from the
 * consultant when the hours were logged; they never change afterwards.
 */
export interface TimeEntryFacts {
  entryId: string;
  projectId: string;
  clientId: string;
  consultantId: string;
  /** Calendar date the work was done (business time zone); KPIs bucket hours by it. */
  workDate: string;
  hours: number;
  billable: boolean;
  billRateCents: number;
  costRateCents: number;
  currency: string;
}

export type HoursLogged = DomainEvent<'HoursLogged', TimeEntryFacts & { description: string }>;

/**
 * Carries the entry after the correction and, in `previous`, the values it replaced: a projection
 * applies `-previous` then `+current` (hours, cost and work-date bucket) without looking anything up.
 */
export type TimeEntryCorrected = DomainEvent<
  'TimeEntryCorrected',
  TimeEntryFacts & { description: string; previous: { workDate: string; hours: number; billable: boolean } }
>;

/** Carries the values removed, so a projection subtracts them without looking anything up. */
export type TimeEntryDeleted = DomainEvent<'TimeEntryDeleted', TimeEntryFacts>;

export type ProjectEvent = ProjectStarted | ProjectCompleted | ProjectCancelled | HoursLogged | TimeEntryCorrected | TimeEntryDeleted;
