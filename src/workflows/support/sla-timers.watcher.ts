import { isNewInTheWorld } from '../engine/new-fact.rule';
import type { WorkflowRunStarted } from '../../aggregates/operations/workflow-run.events';
import { ticketStream } from '../../aggregates/ticket/ticket.decider';
import type { FirstResponseRecorded, TicketOpened } from '../../aggregates/ticket/ticket.events';
import type { RecordedEvent } from '../../core/messages';
import type { DocumentWrite, ReadDocument } from '../../core/read-store.port';
import type { RunExecutor } from '../engine/run-executor';
import { loadTrigger } from '../engine/run-state';
import type { WorkflowDeps } from '../engine/workflow';
import { workflowCheckpoint } from '../engine/workflow-checkpoints';
import type { Watcher } from '../engine/workflow-engine';
import { readClientFacts } from '../shared/client-facts';
import { slaEscalationName, slaEscalationWorkflow } from './sla-escalation.workflow';
import { respondBy } from './ticket-context';

export const slaTimersCollection = 'wf_sla_timers';

/** One ticket's first-response timer, keyed by the TicketOpened event id. */
export interface SlaTimerDocument extends ReadDocument {
  readonly ticketId: string;
  readonly clientId: string;
  readonly openedAt: string;
  readonly dueAt: string;
  readonly status: 'pending' | 'answered' | 'escalated';
  /** Where the TicketOpened event is, to load it again when the timer fires. */
  readonly stream: string;
  readonly revision: string;
}

const dueBatch = 100;

/**
 * SLA timers. Follows TicketOpened (a timer due after the tier's business hours), the first
 * response or resolution (answered) and the escalation run's start (escalated), writing timers and
 * checkpoint together; each tick starts the escalation of every pending timer that is due.
 */
export class SlaTimersWatcher implements Watcher {
  readonly name = 'support-sla-timers';
  readonly types = ['TicketOpened', 'FirstResponseRecorded', 'TicketResolved', 'WorkflowRunStarted'];
  readonly workflows = [slaEscalationWorkflow];

  constructor(private readonly deps: WorkflowDeps) {}

  prepare(): Promise<void> {
    return this.deps.readStore.ensureIndexes(slaTimersCollection, [
      { name: 'wf_sla_timers_due', fields: ['status', 'dueAt'] },
      { name: 'wf_sla_timers_ticket', fields: ['ticketId'] },
    ]);
  }

  async handle(event: RecordedEvent): Promise<void> {
    const writes = await this.writesFor(event);
    await this.deps.readStore.commit(slaTimersCollection, writes, workflowCheckpoint(this.name, event.position, this.deps.clock()));
  }

  async check(executor: RunExecutor): Promise<void> {
    const now = this.deps.clock().toISOString();
    const due = await this.deps.readStore.find<SlaTimerDocument>(slaTimersCollection, { filter: { status: 'pending', dueAt: { $lte: now } }, limit: dueBatch });
    for (const timer of due.documents) {
      if (await this.answered(timer.ticketId)) continue;
      const trigger = await loadTrigger(this.deps.eventStore, { kind: 'event', eventId: timer._id, eventType: 'TicketOpened', stream: timer.stream, revision: timer.revision });
      await executor.execute(slaEscalationWorkflow, trigger);
    }
  }

  private async writesFor(event: RecordedEvent): Promise<DocumentWrite[]> {
    if (event.type === 'TicketOpened') return this.opened(event as RecordedEvent<TicketOpened>);
    if (event.type === 'FirstResponseRecorded' || event.type === 'TicketResolved') {
      const { ticketId } = (event as RecordedEvent<FirstResponseRecorded>).data;
      const timers = await this.deps.readStore.find<SlaTimerDocument>(slaTimersCollection, { filter: { ticketId, status: 'pending' } });
      return timers.documents.map((timer) => ({ id: timer._id, position: event.position, document: { ...timer, status: 'answered' } }));
    }
    const { workflow, trigger } = (event as RecordedEvent<WorkflowRunStarted>).data;
    if (workflow !== slaEscalationName || trigger.kind !== 'event') return [];
    const timer = (await this.deps.readStore.getMany<SlaTimerDocument>(slaTimersCollection, [trigger.eventId])).get(trigger.eventId);
    return timer ? [{ id: timer.document._id, position: event.position, document: { ...timer.document, status: 'escalated' } }] : [];
  }

  /**
   * A ticket of a client the store does not know gets no timer: there is no tier to time it by.
   * Nor does a ticket that is history (seeded, imported, or opened long ago): see `isNewInTheWorld`.
   */
  private async opened(event: RecordedEvent<TicketOpened>): Promise<DocumentWrite[]> {
    if (!isNewInTheWorld(event, this.deps.clock(), this.deps.config.maxFactAgeMs)) return [];
    const { ticketId, clientId, openedAt } = event.data;
    const client = await readClientFacts(this.deps.eventStore, clientId);
    if (!client) return [];
    const document: SlaTimerDocument = {
      _id: event.id,
      ticketId,
      clientId,
      openedAt,
      dueAt: respondBy(this.deps, openedAt, client),
      status: 'pending',
      stream: event.stream,
      revision: event.revision.toString(),
    };
    return [{ id: event.id, position: event.position, document }];
  }

  /** The ticket's own stream is the authority: the timers may lag behind it. */
  private async answered(ticketId: string): Promise<boolean> {
    for await (const event of this.deps.eventStore.readStream(ticketStream(ticketId))) {
      if (event.type === 'FirstResponseRecorded' || event.type === 'TicketResolved') return true;
    }
    return false;
  }
}
