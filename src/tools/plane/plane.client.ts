import type { Json } from '../../core/read-store.port';
import { classifyResponse, expectStatus, jsonOf, type HttpResponse } from '../shared/tool-http';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { PlaneCredentials } from './plane.config';

export interface PlaneProject {
  readonly id: string;
  readonly name: string;
  readonly identifier: string;
  readonly external_id?: string | null;
  readonly external_source?: string | null;
}

export interface PlaneWorkItem {
  readonly id: string;
  readonly name: string;
  readonly sequence_id?: number;
  readonly external_id?: string | null;
  readonly external_source?: string | null;
}

export interface NewPlaneProject {
  readonly name: string;
  readonly identifier: string;
  readonly description: string;
  readonly externalId: string;
  readonly externalSource: string;
}

export interface NewPlaneWorkItem {
  readonly name: string;
  readonly descriptionHtml: string;
  readonly priority: 'urgent' | 'high' | 'medium' | 'low' | 'none';
  readonly externalId: string;
  readonly externalSource: string;
}

type Page<T> = T[] | { results: T[]; next_cursor?: string | null; next_page_results?: boolean };

/** A page of a list the pull sync reads; `nextCursor` null on the last. */
export interface PlanePage {
  readonly items: Json[];
  readonly nextCursor: string | null;
}

function pageOf(response: Page<Json> | null): PlanePage {
  if (Array.isArray(response)) return { items: response, nextCursor: null };
  const more = response?.next_page_results === true && typeof response.next_cursor === 'string';
  return { items: response?.results ?? [], nextCursor: more ? response!.next_cursor! : null };
}

const maxPages = 50;

/**
 * Plane REST API v1 (`X-API-Key`). The pull sync reads projects and the worklogs of paid editions
 * (durations in minutes); the workflows find and create projects and work items, which carry
 * `external_source` + `external_id`, how a created object is found again.
 */
export class PlaneClient {
  constructor(
    private readonly config: PlaneCredentials & { readonly webUrl?: string },
    private readonly http: ToolHttpClient,
  ) {}

  /** A page of projects (the sync's reads: retried, `sync.*` errors). */
  async projects(cursor: string | null): Promise<PlanePage> {
    return pageOf(await this.read(`projects/?per_page=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
  }

  /** `[{ issue_id, duration }]`: the work items of a project that have time logged. */
  async totalWorklogs(projectId: string): Promise<Json[]> {
    return pageOf(await this.read(`projects/${projectId}/total-worklogs/`)).items;
  }

  async worklogs(projectId: string, workItemId: string): Promise<Json[]> {
    return pageOf(await this.read(`projects/${projectId}/work-items/${workItemId}/worklogs/`)).items;
  }

  /** The project created with this external id, or null; projects are listed page by page. */
  async findProjectByExternalId(externalSource: string, externalId: string): Promise<PlaneProject | null> {
    let cursor: string | null = null;
    for (let page = 0; page < maxPages; page++) {
      const query: string = `projects/?per_page=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = jsonOf<Page<PlaneProject>>('plane', expectStatus('plane', await this.call('GET', query), [200]), 'a page of projects');
      const results = Array.isArray(body) ? body : body.results;
      const found = results.find((project) => project.external_source === externalSource && project.external_id === externalId);
      if (found) return found;
      if (Array.isArray(body) || !body.next_page_results || !body.next_cursor) return null;
      cursor = body.next_cursor;
    }
    return null;
  }

  async createProject(project: NewPlaneProject): Promise<PlaneProject> {
    const body = { name: project.name, identifier: project.identifier, description: project.description, external_id: project.externalId, external_source: project.externalSource };
    return jsonOf<PlaneProject>('plane', expectStatus('plane', await this.call('POST', 'projects/', body), [200, 201]), 'the created project');
  }

  /** Looks the project up first, so a retry or a re-run never creates a second one. */
  async ensureProject(project: NewPlaneProject): Promise<{ project: PlaneProject; created: boolean }> {
    const existing = await this.findProjectByExternalId(project.externalSource, project.externalId);
    if (existing) return { project: existing, created: false };
    return { project: await this.createProject(project), created: true };
  }

  async findWorkItemByExternalId(projectId: string, externalSource: string, externalId: string): Promise<PlaneWorkItem | null> {
    const query = `external_source=${encodeURIComponent(externalSource)}&external_id=${encodeURIComponent(externalId)}`;
    const response = await this.call('GET', `projects/${projectId}/work-items/?${query}`);
    if (response.status === 404) return null;
    return jsonOf<PlaneWorkItem>('plane', expectStatus('plane', response, [200]), 'a work item');
  }

  /** Plane answers 409 with the existing item's id when the external id is taken: that item is the result. */
  async ensureWorkItem(projectId: string, item: NewPlaneWorkItem): Promise<{ workItem: PlaneWorkItem; created: boolean }> {
    const existing = await this.findWorkItemByExternalId(projectId, item.externalSource, item.externalId);
    if (existing) return { workItem: existing, created: false };
    const body = { name: item.name, description_html: item.descriptionHtml, priority: item.priority, external_id: item.externalId, external_source: item.externalSource };
    const response = await this.call('POST', `projects/${projectId}/work-items/`, body);
    if (response.status === 409) return { workItem: this.conflictingItem(response, item), created: false };
    return { workItem: jsonOf<PlaneWorkItem>('plane', expectStatus('plane', response, [200, 201]), 'the created work item'), created: true };
  }

  projectUrl(projectId: string): string {
    return `${this.webUrl}/${this.config.workspace}/projects/${projectId}/issues/`;
  }

  workItemUrl(projectId: string, workItemId: string): string {
    return `${this.webUrl}/${this.config.workspace}/projects/${projectId}/issues/${workItemId}`;
  }

  private get webUrl(): string {
    return this.config.webUrl ?? this.config.apiUrl;
  }

  private conflictingItem(response: HttpResponse, item: NewPlaneWorkItem): PlaneWorkItem {
    const body = jsonOf<{ id?: unknown }>('plane', response, 'the conflicting work item');
    if (typeof body.id !== 'string') throw classifyResponse('plane', response);
    return { id: body.id, name: item.name, external_id: item.externalId, external_source: item.externalSource };
  }

  private get base(): string {
    return `${this.config.apiUrl}/api/v1/workspaces/${encodeURIComponent(this.config.workspace)}/`;
  }

  private read(path: string): Promise<Page<Json> | null> {
    return this.http.getJson<Page<Json> | null>({ url: `${this.base}${path}`, headers: { 'x-api-key': this.config.apiKey } });
  }

  private call(method: string, path: string, body?: object): Promise<HttpResponse> {
    return this.http.send({
      method,
      url: `${this.base}${path}`,
      headers: { 'X-API-Key': this.config.apiKey, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }
}
