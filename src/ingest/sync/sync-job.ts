import { changedLaterInTranslation } from '../superseded-create';
import type { BusinessCommand } from '../../aggregates';
import type { CommandBus } from '../../aggregates/command-bus';
import type { CommandMetadata } from '../../core/command-handler';
import { AppError, DomainRuleError, ValidationError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { randomId, type IdGenerator } from '../../core/ids';
import { systemClock, type Clock } from '../../core/time';
import type { IdentityLookup } from '../delivery';
import { lastSyncCursor } from './sync-cursor';
import type { PulledRecord, SyncSource } from './sync-source';

export interface SyncJobDeps {
  readonly source: SyncSource;
  readonly commands: CommandBus<BusinessCommand>;
  readonly store: EventStore;
  /** A fresh identity snapshot per run (`() => loadIdentityLookup(readStore)`). */
  readonly identities: () => Promise<IdentityLookup> | IdentityLookup;
  readonly intervalSeconds: number;
  readonly maxPages: number;
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
}

export interface SyncRunReport {
  readonly runId: string;
  readonly outcome: 'succeeded' | 'failed';
  readonly records: number;
  readonly refused: readonly string[];
  readonly error: string | null;
  readonly cursor: string | null;
}

interface Pulled {
  readonly records: number;
  readonly refused: string[];
  readonly cursor: string | null;
}

const shownRefusals = 3;

/**
 * One tool's pull: each run fetches what changed since the cursor, executes the translated
 * commands through the bus and records itself as a sync run. A record the domain refuses (or
 * that names an unlinked client) fails the run and holds the cursor back, so it is pulled again
 * once fixed; the other records' commands stand, and re-running them is a no-op.
 */
export class SyncJob {
  private cursor: string | null | undefined;
  private readonly clock: Clock;
  private readonly newId: IdGenerator;

  constructor(private readonly deps: SyncJobDeps) {
    this.clock = deps.clock ?? systemClock;
    this.newId = deps.newId ?? randomId;
  }

  get tool(): string {
    return this.deps.source.tool;
  }

  /** The cursor the next run starts from (read from the log on the first run). */
  async currentCursor(): Promise<string | null> {
    if (this.cursor === undefined) this.cursor = await lastSyncCursor(this.deps.store, this.tool);
    return this.cursor;
  }

  /** A stopped job (its requests aborted) records nothing, as a crash would not. */
  async run(): Promise<SyncRunReport> {
    const startedAt = this.clock().getTime();
    const runId = this.newId();
    const metadata: CommandMetadata = { actor: `sync:${this.tool}`, correlationId: runId };
    let pulled: Pulled;
    try {
      pulled = await this.pull(metadata);
    } catch (error) {
      if (error instanceof AppError && error.code === 'sync.stopped') throw error;
      return this.record(runId, startedAt, metadata, { records: 0, refused: [], cursor: null }, messageOf(error));
    }
    const error = pulled.refused.length === 0 ? null : refusalSummary(pulled.refused);
    return this.record(runId, startedAt, metadata, pulled, error);
  }

  private async pull(metadata: CommandMetadata): Promise<Pulled> {
    const from = await this.currentCursor();
    const identities = await this.deps.identities();
    const pulled: Pulled = { records: 0, refused: [], cursor: from };
    let page: string | null = null;
    for (let pages = 0; pages < this.deps.maxPages; pages++) {
      const result = await this.deps.source.pull({ cursor: from, progress: pulled.cursor, page, identities });
      for (const record of result.records) {
        const refusal = await this.apply(record, metadata);
        if (refusal) pulled.refused.push(refusal);
      }
      Object.assign(pulled, { records: pulled.records + result.records.length, cursor: result.cursor ?? pulled.cursor });
      page = result.next;
      if (page === null) break;
    }
    return pulled;
  }

  private async apply({ label, translation }: PulledRecord, metadata: CommandMetadata): Promise<string | null> {
    if (translation.outcome === 'ignored') return null;
    if (translation.outcome === 'unmapped') return `${label}: ${translation.reason}`;
    if (translation.outcome === 'invalid') return `${label}: invalid, ${translation.reason}`;
    for (const [index, { command, source }] of translation.commands.entries()) {
      try {
        await this.deps.commands.execute(command, { ...metadata, source });
      } catch (error) {
        if (changedLaterInTranslation(error, translation.commands.slice(index + 1))) continue;
        if (!(error instanceof DomainRuleError || error instanceof ValidationError)) throw error;
        return `${label}: ${command.type} refused (${error.code}: ${error.message})`;
      }
    }
    return null;
  }

  private async record(runId: string, startedAt: number, metadata: CommandMetadata, pulled: Pulled, error: string | null): Promise<SyncRunReport> {
    const finishedAt = this.clock();
    const run = { source: this.tool, runId, durationMs: Math.max(0, finishedAt.getTime() - startedAt), intervalSeconds: this.deps.intervalSeconds };
    const occurredAt = finishedAt.toISOString();
    if (error === null) {
      await this.deps.commands.execute({ type: 'RecordSyncSuccess', data: { ...run, records: pulled.records, cursor: pulled.cursor }, occurredAt }, metadata);
      this.cursor = pulled.cursor;
    } else {
      await this.deps.commands.execute({ type: 'RecordSyncFailure', data: { ...run, error }, occurredAt }, metadata);
    }
    const outcome = error === null ? ('succeeded' as const) : ('failed' as const);
    return { runId, outcome, records: pulled.records, refused: pulled.refused, error, cursor: this.cursor ?? null };
  }
}

function refusalSummary(refused: readonly string[]): string {
  const more = refused.length > shownRefusals ? `; and ${refused.length - shownRefusals} more` : '';
  return `${refused.length} record(s) refused: ${refused.slice(0, shownRefusals).join('; ')}${more}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
