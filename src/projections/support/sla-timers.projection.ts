import type { WorkflowRunStarted } from '../../aggregates/operations/workflow-run.events';
import type { FirstResponseRecorded, TicketOpened, TicketResolved } from '../../aggregates/ticket/ticket.events';
import type { Projection } from '../../core/projection';
import type { RecordedEvent } from '../../core/messages';
import type { ReadDocument } from '../../core/read-store.port';

export const slaTimersCollection = 'sla_timers';

/** The workflow a due timer starts; its runs mark the timer's ticket escalated. */
export const slaEscalationName = 'support-sla-escalation';

/** One ticket's first-response timer (`timer:<ticketId>`). Its due time depends on the client's tier, read when timers are checked. */
export interface SlaTimerDocument extends ReadDocument {
  readonly kind: 'timer';
  readonly ticketId: string;
  readonly clientId: string;
  readonly openedAt: string;
  readonly status: 'pending' | 'answered';
  /** The TicketOpened event: the escalation's trigger, where it is loaded again from. */
  readonly openedEventId: string;
  readonly stream: string;
  readonly revision: string;
  readonly openedPosition: number;
  /**
   * When the opening happened and when it was recorded: a pull sync catching up on last year's
   * tickets records them long after, and such history is never escalated (see `isNewInTheWorld`).
   */
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** A ticket whose escalation run started (`escalated:<TicketOpened id>`): runs know their trigger's event id, not its ticket. */
export interface SlaEscalationMark extends ReadDocument {
  readonly kind: 'escalated';
}

export const timerId = (ticketId: string) => `timer:${ticketId}`;
export const escalationMarkId = (openedEventId: string) => `escalated:${openedEventId}`;

type SlaEvent = TicketOpened | FirstResponseRecorded | TicketResolved | WorkflowRunStarted;

function documentIds(event: RecordedEvent): string[] {
  // Seeded or imported history is never news (see `isNewInTheWorld`): no timer, nothing to answer or escalate.
  if (event.metadata.origin !== undefined) return [];
  const { type, data } = event as unknown as SlaEvent;
  switch (type) {
    case 'TicketOpened':
      return [timerId(data.ticketId)];
    case 'FirstResponseRecorded':
    case 'TicketResolved':
      return [timerId(data.ticketId)];
    case 'WorkflowRunStarted':
      return data.workflow === slaEscalationName && data.trigger.kind === 'event' ? [escalationMarkId(data.trigger.eventId)] : [];
  }
}

function evolve(document: ReadDocument | null, event: RecordedEvent, id: string): ReadDocument | null {
  const { type, data } = event as unknown as SlaEvent;
  if (type === 'WorkflowRunStarted') return { _id: id, kind: 'escalated' } satisfies SlaEscalationMark;
  if (type !== 'TicketOpened') return document && document.status === 'pending' ? { ...document, status: 'answered' } : document;
  if (document) return document;
  const timer: SlaTimerDocument = {
    _id: id,
    kind: 'timer',
    ticketId: data.ticketId,
    clientId: data.clientId,
    openedAt: data.openedAt,
    status: 'pending',
    openedEventId: event.id,
    stream: event.stream,
    revision: event.revision.toString(),
    openedPosition: Number(event.position),
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
  };
  return timer;
}

/**
 * The SLA timers as a read model, rebuildable like any other: a timer per live ticket, answered by
 * its first response or resolution, and the tickets whose escalation has started. The workflow
 * engine's SLA watcher checks the pending ones on each tick (`SlaTimersWatcher`).
 */
export const slaTimersProjection: Projection = {
  name: slaTimersCollection,
  version: 1,
  handles: ['TicketOpened', 'FirstResponseRecorded', 'TicketResolved', 'WorkflowRunStarted'],
  documentIds,
  evolve,
  indexes: [{ name: 'sla_timers_pending', fields: ['kind', 'status', 'openedPosition'] }],
};
