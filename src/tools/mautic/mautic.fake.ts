import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../core/read-store.port';
import { basicCredentials, FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

export type FakeContact = Record<string, Json> & { readonly id: number; readonly email: string | null; readonly dateModified: string };

/** A contact as the API returns it, from the identified-contact sample. */
export function mauticContact(id: number, dateModified: string, changes: Record<string, Json> = {}): FakeContact {
  const sample = JSON.parse(readFileSync(join(__dirname, 'fixtures/mautic.lead_post_save_new.json'), 'utf8')) as Record<string, Json[]>;
  const contact = (sample['mautic.lead_post_save_new']![0] as Record<string, Json>).contact as Record<string, Json>;
  return { email: null, ...contact, id, dateModified, ...changes } as FakeContact;
}

const denied = json(401, { errors: [{ message: 'API authorization denied.', code: 401, type: 'access_denied' }] });

export interface MauticFakeOptions {
  readonly username?: string;
  readonly password?: string;
}

/**
 * Mautic's API under `/api` (basic auth) with state: `GET /api/contacts` either searched by email
 * (`search=email:…`, as the workflows find a contact) or listed by modification (`start`/`limit`,
 * `orderBy=date_modified` and `where[0][col]=date_modified&where[0][expr]=gte&where[0][val]=Y-m-d H:i:s`
 * in UTC, as the pull sync reads them), answering `{ total, contacts: { <id>: contact } }`;
 * creating contacts, sending a template email and the `email_stats` rows it leaves; `GET /api/hooks`
 * (`webhookUrl`, `secret`, `isPublished`) for the tools check.
 */
export class MauticFake {
  readonly contacts: FakeContact[] = [];
  readonly emailStats: Array<{ emailId: string; leadId: number }> = [];
  readonly emailIds = new Set(['12']);
  readonly hooks: Array<Record<string, unknown>> = [];
  readonly username: string;
  readonly password: string;
  server!: FakeToolServer;

  constructor(options: MauticFakeOptions = {}) {
    this.username = options.username ?? 'zixly-bot';
    this.password = options.password ?? 'mautic-test';
  }

  static async start(options: MauticFakeOptions = {}): Promise<MauticFake> {
    const mautic = new MauticFake(options);
    mautic.server = await FakeToolServer.start((request) => mautic.route(request));
    return mautic;
  }

  get url(): string {
    return this.server.url;
  }

  private route(request: ToolRequest): ToolResponse {
    const credentials = basicCredentials(request);
    if (credentials?.user !== this.username || credentials.password !== this.password) return denied;
    if (request.method === 'GET' && request.path === '/api/hooks') return json(200, { total: this.hooks.length, hooks: this.hooks });
    if (request.method === 'GET' && request.path === '/api/contacts') {
      const search = request.query.get('search');
      return search === null ? this.modified(request) : this.search(search);
    }
    if (request.method === 'POST' && request.path === '/api/contacts/new') return this.create(request);
    if (request.method === 'GET' && request.path === '/api/stats/email_stats') return this.stats(request);
    const send = /^\/api\/emails\/([^/]+)\/contact\/(\d+)\/send$/.exec(request.path);
    if (request.method === 'POST' && send) return this.send(send[1]!, Number(send[2]));
    return json(404, { errors: [{ message: 'Requested URL not found', code: 404 }] });
  }

  private search(search: string): ToolResponse {
    const email = search.startsWith('email:') ? search.slice(6) : search;
    const found = this.contacts.filter((contact) => contact.email === email);
    return json(200, { total: String(found.length), contacts: found.length === 0 ? [] : Object.fromEntries(found.map((contact) => [String(contact.id), contact])) });
  }

  private modified(request: ToolRequest): ToolResponse {
    const since = request.query.get('where[0][val]');
    const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(`${since.replace(' ', 'T')}Z`);
    const start = Number(request.query.get('start') ?? 0);
    const limit = Number(request.query.get('limit') ?? 30);
    const modified = this.contacts.filter((contact) => Date.parse(contact.dateModified) >= from).sort((a, b) => Date.parse(a.dateModified) - Date.parse(b.dateModified));
    const page = modified.slice(start, start + limit);
    return json(200, { total: String(modified.length), contacts: page.length === 0 ? [] : Object.fromEntries(page.map((contact) => [String(contact.id), contact])) });
  }

  private create(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { email?: string; company?: string };
    if (!body.email) return json(400, { errors: [{ message: 'email: A valid email is required.', code: 400 }] });
    const contact = { id: this.contacts.length + 101, email: body.email, company: body.company ?? '', dateModified: new Date().toISOString() };
    this.contacts.push(contact);
    return json(201, { contact });
  }

  private stats(request: ToolRequest): ToolResponse {
    const where = (index: number) => ({ col: request.query.get(`where[${index}][col]`), val: request.query.get(`where[${index}][val]`) });
    const conditions = [where(0), where(1)].filter((condition) => condition.col !== null);
    const rows = this.emailStats.filter((row) =>
      conditions.every(({ col, val }) => (col === 'email_id' ? row.emailId === val : col === 'lead_id' ? String(row.leadId) === val : true)),
    );
    return json(200, { total: rows.length, stats: rows.map((row) => ({ email_id: row.emailId, lead_id: row.leadId })) });
  }

  private send(emailId: string, contactId: number): ToolResponse {
    if (!this.emailIds.has(emailId)) return json(404, { errors: [{ message: 'Item was not found.', code: 404 }] });
    if (!this.contacts.some((contact) => contact.id === contactId)) return json(404, { errors: [{ message: 'Contact not found.', code: 404 }] });
    this.emailStats.push({ emailId, leadId: contactId });
    return json(200, { success: 1 });
  }
}
