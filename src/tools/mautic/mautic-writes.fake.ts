import { basicCredentials, FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

export interface FakeContact {
  readonly id: number;
  readonly email: string;
  readonly company: string;
}

const denied = json(401, { errors: [{ message: 'API authorization denied.', code: 401, type: 'access_denied' }] });

/** Mautic API (basic auth): contacts by email search, create, email send and the email_stats rows it leaves. */
export class FakeMautic {
  readonly contacts: FakeContact[] = [];
  readonly emailStats: Array<{ emailId: string; leadId: number }> = [];
  readonly emailIds = new Set(['12']);
  server!: FakeToolServer;

  constructor(
    readonly username = 'zixly-bot',
    readonly password = 'mautic-test',
  ) {}

  static async start(): Promise<FakeMautic> {
    const mautic = new FakeMautic();
    mautic.server = await FakeToolServer.start((request) => mautic.route(request));
    return mautic;
  }

  private route(request: ToolRequest): ToolResponse {
    const credentials = basicCredentials(request);
    if (credentials?.user !== this.username || credentials.password !== this.password) return denied;
    if (request.method === 'GET' && request.path === '/api/contacts') return this.search(request.query.get('search') ?? '');
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

  private create(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { email?: string; company?: string };
    if (!body.email) return json(400, { errors: [{ message: 'email: A valid email is required.', code: 400 }] });
    const contact = { id: this.contacts.length + 101, email: body.email, company: body.company ?? '' };
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
