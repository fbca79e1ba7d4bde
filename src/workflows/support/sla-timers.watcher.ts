import { ticketStream } from '../../aggregates/ticket/ticket.decider';
import type { ClientFacts } from '../shared/client-facts';
import { readClientFacts } from '../shared/client-facts';
import { escalationMarkId, type SlaTimerDocument, slaTimersCollection } from '../../projections/support/sla-timers.projection';
import type { RunExecutor } from '../engine/run-executor';
import { loadTrigger } from '../engine/run-state';
import type { WorkflowDeps } from '../engine/workflow';
import { checkpointKey, WorkflowCheckpoints, workflowCheckpoint } from '../engine/workflow-checkpoints';
import type { Watcher } from '../engine/workflow-engine';
import { slaEscalationWorkflow } from './sla-escalation.workflow';
import { respondBy } from './ticket-context';

const watcherName = 'support-sla-timers';
/** Where the watcher starts acting: tickets opened before it are history (saved once, like a workflow's start). */
const sinceName = `${watcherName}:since`;

/** Pending timers looked at per tick, oldest first; escalations started per tick. */
const pendingBatch = 1_000;
const dueBatch = 100;

/**
 * SLA timers. The timers are a projection (`sla_timers`: pending until the first response or
 * resolution, marked when the escalation starts); each tick this starts the escalation of every
 * pending timer that is due after the client tier's business hours.
 */
export class SlaTimersWatcher implements Watcher {
  readonly name = watcherName;
  readonly workflows = [slaEscalationWorkflow];
  private since: bigint | null = null;

  constructor(private readonly deps: WorkflowDeps) {}

  /**
   * Finds where it starts acting. A store upgraded from the watcher that kept its own timers (its
   * checkpoint `workflow:support-sla-timers` exists) had every live ticket timed already: none is
   * left out. A fresh one starts where the workflows start (`WORKFLOW_START_FROM`).
   */
  async prepare(): Promise<void> {
    const { readStore, eventStore, clock, config } = this.deps;
    const saved = await readStore.checkpoint(checkpointKey(sinceName));
    if (saved) {
      this.since = saved.position;
      return;
    }
    const upgraded = (await readStore.checkpoint(checkpointKey(watcherName))) !== null;
    this.since = upgraded ? null : await new WorkflowCheckpoints(readStore, eventStore, clock, config.startFrom).startPosition();
    await readStore.saveCheckpoint(workflowCheckpoint(sinceName, this.since, clock()));
  }

  async check(executor: RunExecutor): Promise<void> {
    const now = this.deps.clock().toISOString();
    const filter = { kind: 'timer', status: 'pending', ...(this.since !== null && { openedPosition: { $gt: Number(this.since) } }) };
    // Newest first: history recorded late stays pending for ever and must not crowd out what is news.
    const pending = await this.deps.readStore.find<SlaTimerDocument>(slaTimersCollection, { filter, sort: [['openedPosition', -1]], limit: pendingBatch });
    const timers = pending.documents.filter((timer) => this.isNews(timer, now));
    const escalated = await this.deps.readStore.getMany(slaTimersCollection, timers.map((timer) => escalationMarkId(timer.openedEventId)));
    const clients = new Map<string, ClientFacts | null>();
    let started = 0;
    for (const timer of timers.reverse()) {
      if (escalated.has(escalationMarkId(timer.openedEventId))) continue;
      // A ticket of a client the store does not know has no tier to time it by.
      const client = clients.get(timer.clientId) ?? (await readClientFacts(this.deps.eventStore, timer.clientId));
      clients.set(timer.clientId, client);
      if (!client || respondBy(this.deps, timer.openedAt, client) > now || (await this.answered(timer.ticketId))) continue;
      const trigger = await loadTrigger(this.deps.eventStore, { kind: 'event', eventId: timer.openedEventId, eventType: 'TicketOpened', stream: timer.stream, revision: timer.revision });
      await executor.execute(slaEscalationWorkflow, trigger);
      if (++started >= dueBatch) return;
    }
  }

  /**
   * `isNewInTheWorld` as of when the opening was recorded (or now, for a clock behind the store's):
   * what a pull sync records long after it happened is history, never escalated.
   */
  private isNews(timer: SlaTimerDocument, now: string): boolean {
    const seenAt = Date.parse(timer.recordedAt < now ? timer.recordedAt : now);
    return seenAt - Date.parse(timer.occurredAt) <= this.deps.config.maxFactAgeMs;
  }

  /** The ticket's own stream is the authority: the timers may lag behind it. */
  private async answered(ticketId: string): Promise<boolean> {
    for await (const event of this.deps.eventStore.readStream(ticketStream(ticketId))) {
      if (event.type === 'FirstResponseRecorded' || event.type === 'TicketResolved') return true;
    }
    return false;
  }
}
