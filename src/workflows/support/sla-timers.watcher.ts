import { ticketStream } from '../../aggregates/ticket/ticket.decider';
import type { ClientFacts } from '../shared/client-facts';
import { readClientFacts } from '../shared/client-facts';
import { type SlaTimerDocument, slaTimersCollection } from '../../projections/support/sla-timers.projection';
import { workflowRunId } from '../engine/run-ids';
import type { RunExecutor } from '../engine/run-executor';
import { loadTrigger, readRun } from '../engine/run-state';
import type { WorkflowDeps } from '../engine/workflow';
import { checkpointKey, WorkflowCheckpoints, workflowCheckpoint } from '../engine/workflow-checkpoints';
import type { Watcher } from '../engine/workflow-engine';
import { slaEscalationName, slaEscalationWorkflow } from './sla-escalation.workflow';
import { respondBy } from './ticket-context';

const watcherName = 'support-sla-timers';
/** Where the watcher starts acting: tickets opened before it are history (saved once, like a workflow's start). */
const sinceName = `${watcherName}:since`;
/** Where the watcher kept its own timers before they became a projection, keyed by the TicketOpened event id. */
const legacyTimers = 'wf_sla_timers';

/** Pending timers looked at per tick, oldest first; escalations started per tick. */
const pendingBatch = 1_000;
const dueBatch = 100;

/**
 * SLA timers. The timers are a projection (`sla_timers`: pending until the first response or
 * resolution); each tick this starts the escalation of every pending timer that is due after the
 * client tier's business hours and not escalated yet.
 */
export class SlaTimersWatcher implements Watcher {
  readonly name = watcherName;
  readonly workflows = [slaEscalationWorkflow];
  private since: bigint | null = null;

  constructor(private readonly deps: WorkflowDeps) {}

  /**
   * Finds where it starts acting, once: where the workflows start (`WORKFLOW_START_FROM`). On a
   * store upgraded from the watcher that kept its own timers (its checkpoint
   * `workflow:support-sla-timers` exists) that is the head at the upgrade, and the tickets before
   * it that the old watcher was timing (its `wf_sla_timers`) are still escalated: exactly those.
   */
  async prepare(): Promise<void> {
    const { readStore, eventStore, clock, config } = this.deps;
    const saved = await readStore.checkpoint(checkpointKey(sinceName));
    if (saved) {
      this.since = saved.position;
      return;
    }
    const upgraded = (await readStore.checkpoint(checkpointKey(watcherName))) !== null;
    this.since = upgraded ? await eventStore.headPosition() : await new WorkflowCheckpoints(readStore, eventStore, clock, config.startFrom).startPosition();
    await readStore.saveCheckpoint(workflowCheckpoint(sinceName, this.since, clock()));
  }

  async check(executor: RunExecutor): Promise<void> {
    const now = this.deps.clock().toISOString();
    // Newest first: history recorded late stays pending for ever and must not crowd out what is news.
    const pending = await this.deps.readStore.find<SlaTimerDocument>(slaTimersCollection, { filter: { kind: 'timer', status: 'pending' }, sort: [['openedPosition', -1]], limit: pendingBatch });
    const timers = await this.sinceStart(pending.documents.filter((timer) => this.isNews(timer, now)));
    const clients = new Map<string, ClientFacts | null>();
    let started = 0;
    for (const timer of timers.reverse()) {
      // A ticket of a client the store does not know has no tier to time it by.
      const client = clients.has(timer.clientId) ? clients.get(timer.clientId)! : await readClientFacts(this.deps.eventStore, timer.clientId);
      clients.set(timer.clientId, client);
      if (!client || respondBy(this.deps, timer.openedAt, client) > now || (await this.escalated(timer)) || (await this.answered(timer.ticketId))) continue;
      const trigger = await loadTrigger(this.deps.eventStore, { kind: 'event', eventId: timer.openedEventId, eventType: 'TicketOpened', stream: timer.stream, revision: timer.revision });
      await executor.execute(slaEscalationWorkflow, trigger);
      if (++started >= dueBatch) return;
    }
  }

  /** The timers of tickets opened since the watcher started, or timed by the watcher an upgraded store had. */
  private async sinceStart(timers: SlaTimerDocument[]): Promise<SlaTimerDocument[]> {
    const since = this.since;
    if (since === null) return timers;
    const before = timers.filter((timer) => BigInt(timer.openedPosition) <= since);
    const legacy = before.length === 0 ? new Map() : await this.deps.readStore.getMany(legacyTimers, before.map((timer) => timer.openedEventId));
    return timers.filter((timer) => BigInt(timer.openedPosition) > since || legacy.has(timer.openedEventId));
  }

  /**
   * `isNewInTheWorld` as of when the opening was recorded (or now, for a clock behind the store's):
   * what a pull sync records long after it happened is history, never escalated.
   */
  private isNews(timer: SlaTimerDocument, now: string): boolean {
    const seenAt = Date.parse(timer.recordedAt < now ? timer.recordedAt : now);
    return seenAt - Date.parse(timer.occurredAt) <= this.deps.config.maxFactAgeMs;
  }

  /** Whether the ticket's escalation run (one per ticket) has started already. */
  private async escalated(timer: SlaTimerDocument): Promise<boolean> {
    return (await readRun(this.deps.eventStore, workflowRunId(timer.openedEventId, slaEscalationName))).status !== 'none';
  }

  /** The ticket's own stream is the authority: the timers may lag behind it. */
  private async answered(ticketId: string): Promise<boolean> {
    for await (const event of this.deps.eventStore.readStream(ticketStream(ticketId))) {
      if (event.type === 'FirstResponseRecorded' || event.type === 'TicketResolved') return true;
    }
    return false;
  }
}
