import type { Json } from '../../core/read-store.port';
import type { IdentityLookup } from '../../ingest/delivery';
import { fromIsoInstant } from '../shared/mapping/instants.mapping';
import { Fields } from '../shared/mapping/payload.reader';
import { commandsOf, ignored, translateWith } from '../shared/mapping/translation.results';
import { worklogCommands } from './plane-worklog.mapping';
import type { PulledRecord, PullRequest, SyncPage, SyncSource } from '../../ingest/sync/sync-source';
import type { PlaneClient } from './plane.client';

/** Plane's project cursor and the newest worklog change the run has seen so far. */
type PageToken = { readonly projects: string | null; readonly newest: string | null };

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || b <= a ? a : b);

/**
 * Worklogs have no webhook: per page of projects, each project linked to a client (identities:
 * plane + project id) has its work items with logged time read, and worklogs changed since the
 * cursor become time entries. Unlinked projects (internal work) are skipped. The traversal is not
 * ordered by time, so the cursor moves when a run completes it.
 */
export class PlaneSyncSource implements SyncSource {
  readonly tool = 'plane' as const;

  constructor(private readonly client: PlaneClient) {}

  async pull({ cursor, page, identities }: PullRequest): Promise<SyncPage> {
    const token: PageToken = page ? (JSON.parse(page) as PageToken) : { projects: null, newest: cursor };
    const { items, nextCursor } = await this.client.projects(token.projects);
    const records: PulledRecord[] = [];
    let newest = token.newest;
    for (const project of items) {
      const pulled = await this.projectRecords(Fields.of(project).string('id'), cursor, identities);
      records.push(...pulled.records);
      newest = later(newest, pulled.newest);
    }
    if (nextCursor === null) return { records, cursor: newest, next: null };
    return { records, cursor: null, next: JSON.stringify({ projects: nextCursor, newest }) };
  }

  private async projectRecords(projectId: string, since: string | null, identities: IdentityLookup): Promise<{ records: PulledRecord[]; newest: string | null }> {
    if (identities.clientByToolId('plane', projectId) === null) {
      return { records: [{ label: `project ${projectId}`, translation: ignored('plane project: not linked to a client, so not client work') }], newest: null };
    }
    const records: PulledRecord[] = [];
    let newest: string | null = null;
    const logged = (await this.client.totalWorklogs(projectId)).map((total) => Fields.of(total)).filter((total) => (total.optionalNumber('duration') ?? 0) > 0);
    for (const workItem of logged) {
      for (const worklog of await this.client.worklogs(projectId, workItem.string('issue_id'))) {
        const changedAt = changedAtOf(worklog);
        // A worklog without times is reported by its translation as invalid.
        if (changedAt !== null && since !== null && changedAt < since) continue;
        newest = later(newest, changedAt);
        records.push(worklogRecord(worklog, projectId));
      }
    }
    return { records, newest };
  }
}

function changedAtOf(worklog: Json): string | null {
  const fields = Fields.of(worklog);
  const changed = fields.optionalString('updated_at') ?? fields.optionalString('created_at');
  try {
    return changed === null ? null : fromIsoInstant(changed, fields.at('updated_at'));
  } catch {
    return null;
  }
}

function worklogRecord(worklog: Json, projectId: string): PulledRecord {
  const fields = Fields.of(worklog);
  const translation = translateWith(() => {
    const commands = worklogCommands(fields, projectId);
    return typeof commands === 'string' ? ignored(commands) : commandsOf(commands);
  });
  return { label: `worklog ${fields.optionalString('id') ?? '?'}`, translation };
}
