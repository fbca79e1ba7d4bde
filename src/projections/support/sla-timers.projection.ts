import type { FirstResponseRecorded, TicketOpened, TicketResolved } from '../../aggregates/ticket/ticket.events';
import type { Projection } from '../../core/projection';
import type { RecordedEvent } from '../../core/messages';
import type { ReadDocument } from '../../core/read-store.port';

export const slaTimersCollection = 'sla_timers';

/** The workflow a due timer starts (one run per ticket: its id derives from the TicketOpened event's). */
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

export const timerId = (ticketId: string) => `timer:${ticketId}`;

type SlaEvent = TicketOpened | FirstResponseRecorded | TicketResolved;

function documentIds(event: RecordedEvent): string[] {
  // Seeded or imported history is never news (see `isNewInTheWorld`): no timer, nothing to answer.
  if (event.metadata.origin !== undefined) return [];
  return [timerId((event.data as SlaEvent['data']).ticketId)];
}

function evolve(document: ReadDocument | null, event: RecordedEvent, id: string): ReadDocument | null {
  const { type, data } = event as unknown as SlaEvent;
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
 * its first response or resolution. The workflow engine's SLA watcher checks the pending ones on
 * each tick (`SlaTimersWatcher`); whether a ticket's escalation already started is its run's stream.
 */
export const slaTimersProjection: Projection = {
  name: slaTimersCollection,
  version: 1,
  handles: ['TicketOpened', 'FirstResponseRecorded', 'TicketResolved'],
  documentIds,
  evolve,
  indexes: [{ name: 'sla_timers_pending', fields: ['kind', 'status', 'openedPosition'] }],
};
