import { onboardTestClients } from '../test-clients';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { commandRoutes, type BusinessCommand } from '../../aggregates';
import { createCommandBus, type CommandBus } from '../../aggregates/command-bus';
import type { EventStore } from '../../core/event-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { IdentityLookup } from '../../ingest/delivery';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { ToolHttpClient } from '../../tools/shared/tool-http.client';
import type { ToolName } from '../../tools/tool-names';
import { SyncJob } from '../../ingest/sync/sync-job';
import type { SyncSource } from '../../ingest/sync/sync-source';
import { recordingSleep } from '../tools/fake-tool-server';

/** The real event store (SQLite in memory) and command bus a sync job writes to. */
export class SyncHarness {
  private constructor(
    readonly store: EventStore & { close(): Promise<void> },
    readonly commands: CommandBus<BusinessCommand>,
  ) {}

  static async open(): Promise<SyncHarness> {
    const store = await openSqliteEventStore({ path: ':memory:' });
    const commands = createCommandBus<BusinessCommand>(store, commandRoutes);
    await onboardTestClients(commands, ['client-globex', 'client-7', 'client-1']);
    return new SyncHarness(store, commands);
  }

  /** A client that records its waits instead of sleeping; `signal` stands for the process. */
  http(tool: ToolName, signal?: AbortSignal, timeoutMs = 300): { http: ToolHttpClient; waits: number[] } {
    const { sleep, waits } = recordingSleep();
    return { http: new ToolHttpClient({ tool, timeoutMs, maxAttempts: 3, baseDelayMs: 10, sleep, random: () => 1, ...(signal ? { signal } : {}) }), waits };
  }

  /** A job as a fresh process would build it: it knows nothing but what the log says. */
  job(source: SyncSource, identities: IdentityLookup = IdentitySnapshot.of({}), maxPages = 50): SyncJob {
    let clock = Date.parse('2026-06-03T00:00:00.000Z');
    return new SyncJob({ source, commands: this.commands, store: this.store, identities: () => identities, intervalSeconds: 600, maxPages, clock: () => new Date((clock += 1_500)) });
  }

  async given(command: BusinessCommand): Promise<void> {
    await this.commands.execute(command, { actor: 'spec' });
  }

  async events(...types: string[]): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll(types.length > 0 ? { types } : {})) events.push(event);
    return events;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
