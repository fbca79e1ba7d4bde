import type { Json } from '../../core/read-store.port';
import type { SyncHttpClient } from '../shared/tool-reads';
import type { PlaneCredentials } from '../../ingest/sync/sync.config';

/** Plane's paginated envelope (`?per_page=&cursor=`); some endpoints answer a bare list. */
interface Paginated {
  readonly results?: Json[];
  readonly next_cursor?: string | null;
  readonly next_page_results?: boolean;
}

export interface PlanePage {
  readonly items: Json[];
  readonly nextCursor: string | null;
}

function pageOf(response: Paginated | Json[] | null): PlanePage {
  if (Array.isArray(response)) return { items: response, nextCursor: null };
  const more = response?.next_page_results === true && typeof response.next_cursor === 'string';
  return { items: response?.results ?? [], nextCursor: more ? response!.next_cursor! : null };
}

/** Plane REST API v1 (`X-API-Key`): projects, and the worklogs of paid editions (durations in minutes). */
export class PlaneClient {
  constructor(
    private readonly credentials: PlaneCredentials,
    private readonly http: SyncHttpClient,
  ) {}

  private async get(path: string): Promise<Paginated | Json[] | null> {
    const base = `${this.credentials.apiUrl}/api/v1/workspaces/${encodeURIComponent(this.credentials.workspace)}`;
    return this.http.getJson<Paginated | Json[] | null>({ url: `${base}${path}`, headers: { 'x-api-key': this.credentials.apiKey } });
  }

  async projects(cursor: string | null): Promise<PlanePage> {
    return pageOf(await this.get(`/projects/?per_page=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
  }

  /** `[{ issue_id, duration }]`: the work items of a project that have time logged. */
  async totalWorklogs(projectId: string): Promise<Json[]> {
    return pageOf(await this.get(`/projects/${projectId}/total-worklogs/`)).items;
  }

  async worklogs(projectId: string, workItemId: string): Promise<Json[]> {
    return pageOf(await this.get(`/projects/${projectId}/work-items/${workItemId}/worklogs/`)).items;
  }
}
