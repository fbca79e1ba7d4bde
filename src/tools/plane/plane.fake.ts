import { randomUUID } from 'node:crypto';
import type { Json } from '../../core/read-store.port';
import { FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Worklog = Record<string, Json> & { id: string; updated_at: string; duration: number };

export interface FakeProject {
  readonly id: string;
  readonly name: string;
  readonly identifier: string;
  readonly external_id: string | null;
  readonly external_source: string | null;
}

export interface FakeWorkItem {
  readonly id: string;
  readonly project: string;
  readonly name: string;
  readonly priority: string;
  readonly sequence_id: number;
  readonly external_id: string | null;
  readonly external_source: string | null;
}

export interface PlaneFakeOptions {
  readonly workspace?: string;
  readonly apiKey?: string;
  /** At most this many projects a page (two by default, so specs cross pages). */
  readonly perPage?: number;
}

/**
 * Plane API v1 under `/api/v1/workspaces/{slug}` with `X-API-Key`: projects (cursor pagination
 * `per_page:page:0` as Plane does it) and work items, found by external id, as the workflows use
 * them; `projects/{id}/total-worklogs/` and `projects/{id}/work-items/{id}/worklogs/` as the pull
 * sync reads them. `worklogsEnabled: false` answers 402 as editions without time tracking do.
 */
export class PlaneFake {
  readonly projects: FakeProject[] = [];
  readonly workItems: FakeWorkItem[] = [];
  /** Worklogs by project, then by work item. */
  readonly worklogs = new Map<string, Map<string, Worklog[]>>();
  worklogsEnabled = true;
  readonly workspace: string;
  readonly apiKey: string;
  private readonly perPage: number;
  server!: FakeToolServer;

  constructor(options: PlaneFakeOptions = {}) {
    this.workspace = options.workspace ?? 'zixly';
    this.apiKey = options.apiKey ?? 'plane_api_test';
    this.perPage = options.perPage ?? 2;
  }

  static async start(options: PlaneFakeOptions = {}): Promise<PlaneFake> {
    const plane = new PlaneFake(options);
    plane.server = await FakeToolServer.start((request) => plane.route(request));
    return plane;
  }

  get url(): string {
    return this.server.url;
  }

  /** A project made in Plane by hand (no external id). */
  addProject(id: string): void {
    if (!this.projects.some((project) => project.id === id)) this.projects.push({ id, name: `Project ${id}`, identifier: id.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12), external_id: null, external_source: null });
  }

  addWorklog(projectId: string, workItemId: string, worklog: Worklog): void {
    this.addProject(projectId);
    const items = this.worklogs.get(projectId) ?? new Map<string, Worklog[]>();
    items.set(workItemId, [...(items.get(workItemId) ?? []), worklog]);
    this.worklogs.set(projectId, items);
  }

  private route(request: ToolRequest): ToolResponse {
    if (request.headers['x-api-key'] !== this.apiKey) return json(401, { detail: 'Given API token is not valid' });
    const prefix = `/api/v1/workspaces/${this.workspace}/`;
    if (!request.path.startsWith(prefix)) return json(404, { error: 'Workspace does not exist' });
    const parts = request.path.slice(prefix.length).split('/').filter((part) => part.length > 0);
    if (parts.length === 1 && parts[0] === 'projects') return request.method === 'GET' ? this.listProjects(request) : this.createProject(request);
    if (parts.length === 3 && parts[0] === 'projects' && parts[2] === 'work-items') {
      return request.method === 'GET' ? this.findWorkItem(parts[1]!, request) : this.createWorkItem(parts[1]!, request);
    }
    if (parts[0] === 'projects' && (parts[2] === 'total-worklogs' || parts[4] === 'worklogs')) return this.worklogsOf(parts[1]!, parts[3]);
    return json(404, { error: 'Not found' });
  }

  private listProjects(request: ToolRequest): ToolResponse {
    const perPage = Math.min(this.perPage, Number(request.query.get('per_page') ?? 100));
    const page = Number(request.query.get('cursor')?.split(':')[1] ?? 0);
    const results = this.projects.slice(page * perPage, (page + 1) * perPage);
    const more = (page + 1) * perPage < this.projects.length;
    return json(200, { results, next_cursor: `${perPage}:${page + 1}:0`, next_page_results: more, total_count: this.projects.length });
  }

  /** Totals per work item (`[{ issue_id, duration }]`), or one work item's worklogs. */
  private worklogsOf(projectId: string, workItemId: string | undefined): ToolResponse {
    if (!this.worklogsEnabled) return json(402, { error: 'Time tracking is not available on your plan' });
    const items = this.worklogs.get(projectId) ?? new Map<string, Worklog[]>();
    if (workItemId === undefined) return json(200, [...items].map(([issue_id, logs]) => ({ issue_id, duration: logs.reduce((sum, log) => sum + log.duration, 0) })));
    return json(200, items.get(workItemId) ?? []);
  }

  private createProject(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { name?: string; identifier?: string; external_id?: string; external_source?: string };
    if (!body.name || !body.identifier) return json(400, { name: ['This field is required.'] });
    if (!/^[A-Z0-9]{1,12}$/.test(body.identifier)) return json(400, { identifier: ['Identifier must be upper case letters and digits, at most 12'] });
    if (this.projects.some((project) => project.identifier === body.identifier)) return json(409, { error: 'The project identifier is already taken' });
    const project: FakeProject = { id: randomUUID(), name: body.name, identifier: body.identifier, external_id: body.external_id ?? null, external_source: body.external_source ?? null };
    this.projects.push(project);
    return json(201, project);
  }

  private findWorkItem(projectId: string, request: ToolRequest): ToolResponse {
    const externalId = request.query.get('external_id');
    const externalSource = request.query.get('external_source');
    const found = this.workItems.find((item) => item.project === projectId && item.external_id === externalId && item.external_source === externalSource);
    return found ? json(200, found) : json(404, { error: 'The requested resource does not exist.' });
  }

  private createWorkItem(projectId: string, request: ToolRequest): ToolResponse {
    if (!this.projects.some((project) => project.id === projectId)) return json(404, { error: 'Project not found' });
    const body = JSON.parse(request.body) as { name?: string; priority?: string; external_id?: string; external_source?: string };
    if (!body.name) return json(400, { name: ['This field is required.'] });
    const duplicate = this.workItems.find((item) => item.project === projectId && body.external_id && item.external_id === body.external_id && item.external_source === body.external_source);
    if (duplicate) return json(409, { error: 'Issue with the same external id and external source already exists', id: duplicate.id });
    const sequence = this.workItems.filter((item) => item.project === projectId).length + 1;
    const item: FakeWorkItem = { id: randomUUID(), project: projectId, name: body.name, priority: body.priority ?? 'none', sequence_id: sequence, external_id: body.external_id ?? null, external_source: body.external_source ?? null };
    this.workItems.push(item);
    return json(201, item);
  }
}
