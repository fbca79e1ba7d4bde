import type { Json } from '../../core/read-store.port';
import { FakeToolServer, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Worklog = Record<string, Json> & { id: string; updated_at: string; duration: number };

/**
 * Plane API v1 under `/api/v1/workspaces/{slug}` with `X-API-Key`: `projects/` (paginated
 * envelope, `per_page` and `cursor`), `projects/{id}/total-worklogs/` and
 * `projects/{id}/work-items/{id}/worklogs/`. `worklogsEnabled: false` answers 402 as editions
 * without time tracking do.
 */
export class PlaneFake {
  readonly projects: string[] = [];
  /** Worklogs by project, then by work item. */
  readonly worklogs = new Map<string, Map<string, Worklog[]>>();
  worklogsEnabled = true;

  private constructor(
    readonly server: FakeToolServer,
    private readonly apiKey: string,
    private readonly perPage: number,
  ) {}

  static async start(apiKey = 'plane_api_key', perPage = 100): Promise<PlaneFake> {
    let fake: PlaneFake | null = null;
    const server = await FakeToolServer.start((request) => fake!.answer(request));
    fake = new PlaneFake(server, apiKey, perPage);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  addWorklog(projectId: string, workItemId: string, worklog: Worklog): void {
    if (!this.projects.includes(projectId)) this.projects.push(projectId);
    const items = this.worklogs.get(projectId) ?? new Map<string, Worklog[]>();
    items.set(workItemId, [...(items.get(workItemId) ?? []), worklog]);
    this.worklogs.set(projectId, items);
  }

  private answer(request: ToolRequest): ToolResponse {
    if (request.headers['x-api-key'] !== this.apiKey) return { status: 401, body: { detail: 'Given API token is not valid' } };
    const path = /^\/api\/v1\/workspaces\/agency\/projects\/(?:([^/]+)\/(?:(total-worklogs)|work-items\/([^/]+)\/worklogs)\/)?$/.exec(request.path);
    if (!path) return { status: 404, body: { detail: 'Not found.' } };
    const [, projectId, totals, workItemId] = path;
    if (!projectId) return this.projectsPage(Number(request.query.get('cursor')?.split(':')[1] ?? 0));
    if (!this.worklogsEnabled) return { status: 402, body: { error: 'Time tracking is not available on your plan' } };
    const items = this.worklogs.get(projectId) ?? new Map<string, Worklog[]>();
    if (totals) return { body: [...items].map(([issue_id, logs]) => ({ issue_id, duration: logs.reduce((sum, log) => sum + log.duration, 0) })) };
    return { body: items.get(workItemId!) ?? [] };
  }

  private projectsPage(page: number): ToolResponse {
    const results = this.projects.slice(page * this.perPage, (page + 1) * this.perPage).map((id) => ({ id, name: `Project ${id}` }));
    const more = (page + 1) * this.perPage < this.projects.length;
    return { body: { next_cursor: `${this.perPage}:${page + 1}:0`, next_page_results: more, results, total_count: this.projects.length } };
  }
}
