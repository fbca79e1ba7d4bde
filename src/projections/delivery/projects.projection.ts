import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { ClientTier } from '../../aggregates/client/client.events';
import type { ProjectCancelled, ProjectCompleted, ProjectStarted } from '../../aggregates/project/project.events';
import { occurredAt } from '../shared/event-instant';
import { domainEventOf } from './domain-event';

export type ProjectStatus = 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

/**
 * One project. Dates (`startedOn`, `completedOn`, `dueOn`) are the business dates the events carry;
 * instants (`startedAt`, `cancelledAt`) are the events' `occurredAt`, in ISO UTC. `tier` is the
 * client's tier when the project started.
 */
export interface ProjectDocument extends ReadDocument {
  readonly projectId: string;
  readonly clientId: string;
  readonly tier: ClientTier;
  readonly name: string;
  readonly status: ProjectStatus;
  readonly startedOn: string;
  readonly startedAt: string;
  readonly completedOn: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly dueOn: string;
  /** 0 means no budget. */
  readonly budgetHours: number;
  /** 0 means no budget. */
  readonly budgetAmountCents: number;
  readonly currency: string;
}

type ProjectEventOfInterest = ProjectStarted | ProjectCompleted | ProjectCancelled;

export const projectsProjection: Projection<ProjectDocument> = {
  name: 'projects',
  version: 1,
  handles: ['ProjectStarted', 'ProjectCompleted', 'ProjectCancelled'],
  documentIds: (event) => [(event.data as { projectId: string }).projectId],
  evolve(document, recorded, id) {
    const event = domainEventOf<ProjectEventOfInterest>(recorded);
    switch (event.type) {
      case 'ProjectStarted':
        return document ?? started(event.data, occurredAt(recorded), id);
      // A close without a start cannot come from the decider; there is nothing to attach it to.
      case 'ProjectCompleted':
        return document && { ...document, status: 'COMPLETED', completedOn: event.data.completedOn };
      case 'ProjectCancelled':
        return document && { ...document, status: 'CANCELLED', cancelledAt: occurredAt(recorded), cancelReason: event.data.reason };
      default:
        return document;
    }
  },
  indexes: [
    { name: 'projects_status_started_on', fields: ['status', 'startedOn'] },
    { name: 'projects_completed_on', fields: ['completedOn'] },
    { name: 'projects_cancelled_at', fields: ['cancelledAt'] },
    { name: 'projects_client_id', fields: ['clientId'] },
  ],
};

function started(data: ProjectStarted['data'], startedAt: string, id: string): ProjectDocument {
  return {
    _id: id,
    projectId: data.projectId,
    clientId: data.clientId,
    tier: data.tier,
    name: data.name,
    status: 'ACTIVE',
    startedOn: data.startedOn,
    startedAt,
    completedOn: null,
    cancelledAt: null,
    cancelReason: null,
    dueOn: data.dueOn,
    budgetHours: data.budgetHours,
    budgetAmountCents: data.budgetAmountCents,
    currency: data.currency,
  };
}
