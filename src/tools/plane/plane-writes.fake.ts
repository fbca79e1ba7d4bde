import { randomUUID } from 'node:crypto';
import { FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

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

/** Plane API v1 as far as the workflows use it: projects and work items, with external ids. */
export class FakePlane {
  readonly projects: FakeProject[] = [];
  readonly workItems: FakeWorkItem[] = [];
  server!: FakeToolServer;

  constructor(
    readonly workspace = 'zixly',
    readonly apiKey = 'plane_api_test',
  ) {}

  static async start(): Promise<FakePlane> {
    const plane = new FakePlane();
    plane.server = await FakeToolServer.start((request) => plane.route(request));
    return plane;
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
    return json(404, { error: 'Not found' });
  }

  /** Cursor pagination as Plane does it, two projects a page so specs cross pages. */
  private listProjects(request: ToolRequest): ToolResponse {
    const perPage = 2;
    const offset = Number(request.query.get('cursor') ?? '0');
    const results = this.projects.slice(offset, offset + perPage);
    const more = offset + perPage < this.projects.length;
    return json(200, { results, next_cursor: more ? String(offset + perPage) : null, next_page_results: more, total_count: this.projects.length });
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
