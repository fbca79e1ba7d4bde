import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../adapters/sqlite/sqlite-read-store';
import type { EventStore } from '../core/event-store.port';
import { randomId } from '../core/ids';
import type { DomainEvent } from '../core/messages';
import type { Projection } from '../core/projection';
import { ProjectionRunner } from '../core/projection-runner';
import type { ReadStore } from '../core/read-store.port';
import { type KpiContext } from '../projections/shared/kpi';

/** One fact of a scenario: which stream, what happened, and when it happened. */
export interface ScenarioFact {
  readonly stream: string;
  readonly event: DomainEvent;
  readonly occurredAt: string;
}

export const fact = (stream: string, occurredAt: string, event: DomainEvent): ScenarioFact => ({ stream, event, occurredAt });

export interface ProjectedScenario {
  readonly events: EventStore;
  readonly reads: ReadStore;
  readonly context: KpiContext;
  close(): Promise<void>;
}

/**
 * Given facts, runs them through the real stores and the real projection runner (SQLite in
 * memory) and hands back the read models, as the KPI scenario tests read them.
 */
export async function projectScenario(projections: readonly Projection[], facts: readonly ScenarioFact[], timeZone = 'Australia/Brisbane'): Promise<ProjectedScenario> {
  const events = await openSqliteEventStore({ path: ':memory:' });
  const reads = await openSqliteReadStore({ path: ':memory:' });
  for (const { stream, event, occurredAt } of facts) {
    await events.append(stream, [{ id: randomId(), type: event.type, data: event.data, metadata: { occurredAt, correlationId: randomId(), causationId: null, actor: 'scenario' } }]);
  }
  const runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections });
  await runner.start();
  const head = await events.headPosition();
  if (head !== null && !(await runner.waitFor(head, 10_000))) throw new Error('Projections did not catch up with the scenario within 10 s');
  await runner.stop();
  const failed = runner.status().filter((status) => status.failure);
  if (failed.length > 0) throw new Error(`Projection failed: ${failed.map((status) => `${status.name}: ${status.failure!.error}`).join('; ')}`);
  return {
    events,
    reads,
    context: { reads, timeZone },
    close: async () => {
      await events.close();
      await reads.close();
    },
  };
}
