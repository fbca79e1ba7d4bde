import type { Command } from '../../core/messages';
import type { ClientTier } from '../client/client.events';

/** Starting the same project id again is a no-op. */
export type StartProject = Command<
  'StartProject',
  {
    projectId: string;
    clientId: string;
    tier: ClientTier;
    name: string;
    budgetHours: number;
    budgetAmountCents: number;
    currency: string;
    startedOn: string;
    dueOn: string;
  }
>;

export type CompleteProject = Command<'CompleteProject', { projectId: string; completedOn: string }>;

export type CancelProject = Command<'CancelProject', { projectId: string; reason: string }>;

/** What the Consultant aggregate knows, read by the route's `enrich` just before deciding. */
export interface ConsultantFact {
  consultantId: string;
  active: boolean;
  costRateCents: number;
  billRateCents: number;
  currency: string;
}

/** `entryId` is the entry's id in the time-tracking tool: logging it twice is a no-op. */
export type LogHours = Command<
  'LogHours',
  {
    projectId: string;
    entryId: string;
    consultantId: string;
    workDate: string;
    hours: number;
    billable: boolean;
    description?: string;
    /** Overrides the consultant's default bill rate for this entry (a project rate). */
    billRateCents?: number;
    /** Set by `enrichLogHours` (null: no such consultant); anything a caller sends is overwritten. */
    consultant?: ConsultantFact | null;
    /**
     * Set by `enrichLogHours` from the time-entries read model: the consultant's hours that day on
     * other projects (as of the read model; absent where no read model is at hand, as in the demo).
     */
    hoursOnOtherProjects?: number;
  }
>;

/** The entry's new values; `description` defaults to the current one. Consultant and rates stay. */
export type CorrectTimeEntry = Command<
  'CorrectTimeEntry',
  { projectId: string; entryId: string; workDate: string; hours: number; billable: boolean; description?: string }
>;

export type DeleteTimeEntry = Command<'DeleteTimeEntry', { projectId: string; entryId: string }>;

export type ProjectCommand = StartProject | CompleteProject | CancelProject | LogHours | CorrectTimeEntry | DeleteTimeEntry;
