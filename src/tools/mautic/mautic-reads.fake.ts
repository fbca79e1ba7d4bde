import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../core/read-store.port';
import { FakeToolServer, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Contact = Record<string, Json> & { id: number; dateModified: string };

/** A contact as the API returns it, from the identified-contact sample. */
export function mauticContact(id: number, dateModified: string, changes: Record<string, Json> = {}): Contact {
  const sample = JSON.parse(readFileSync(join(__dirname, 'fixtures/mautic.lead_post_save_new.json'), 'utf8')) as Record<string, Json[]>;
  const contact = (sample['mautic.lead_post_save_new']![0] as Record<string, Json>).contact as Record<string, Json>;
  return { ...contact, id, dateModified, ...changes } as Contact;
}

const denied = { errors: [{ message: 'API authorization denied.', code: 401, type: 'access_denied' }] };

/**
 * `GET /api/contacts` with basic auth, `start`/`limit`, `orderBy=date_modified` and the advanced
 * filter `where[0][col]=date_modified&where[0][expr]=gte&where[0][val]=Y-m-d H:i:s` (UTC); answers
 * `{ total, contacts: { <id>: contact } }`.
 */
export class MauticFake {
  readonly contacts: Contact[] = [];
  /** `GET /api/hooks`: `{ total, hooks }` with `webhookUrl`, `secret`, `isPublished`. */
  readonly hooks: Array<Record<string, unknown>> = [];

  private constructor(
    readonly server: FakeToolServer,
    private readonly authorization: string,
  ) {}

  static async start(username = 'sync', password = 'pa55'): Promise<MauticFake> {
    let fake: MauticFake | null = null;
    const server = await FakeToolServer.start((request) => fake!.answer(request));
    fake = new MauticFake(server, `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  private answer(request: ToolRequest): ToolResponse {
    if (request.headers.authorization !== this.authorization) return { status: 401, body: denied };
    if (request.path === '/api/hooks') return { body: { total: this.hooks.length, hooks: this.hooks } };
    if (request.path !== '/api/contacts') return { status: 404, body: { errors: [{ message: 'Requested URL not found', code: 404 }] } };
    const since = request.query.get('where[0][val]');
    const from = since === null ? Number.NEGATIVE_INFINITY : Date.parse(`${since.replace(' ', 'T')}Z`);
    const start = Number(request.query.get('start') ?? 0);
    const limit = Number(request.query.get('limit') ?? 30);
    const modified = this.contacts.filter((contact) => Date.parse(contact.dateModified) >= from).sort((a, b) => Date.parse(a.dateModified) - Date.parse(b.dateModified));
    const page = modified.slice(start, start + limit);
    return { body: { total: String(modified.length), contacts: page.length === 0 ? [] : Object.fromEntries(page.map((contact) => [String(contact.id), contact])) } };
  }
}
