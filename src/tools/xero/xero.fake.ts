import type { Json } from '../../core/read-store.port';
import { FakeToolServer, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Invoice = Record<string, Json> & { InvoiceID: string; UpdatedDateUTC: string };

const unauthorized = { Title: 'Unauthorized', Status: 401, Detail: 'AuthenticationUnsuccessful' };

/** `/Date(ms+0000)/` of an ISO instant, as Xero's JSON writes instants. */
export const xeroTimestamp = (iso: string) => `/Date(${Date.parse(iso)}+0000)/`;

/**
 * The Accounting API subset the sync uses: `GET /api.xro/2.0/Invoices/{id}` and
 * `GET /api.xro/2.0/Invoices?page=N` honouring `If-Modified-Since` (UTC, no zone) and ordered by
 * `UpdatedDateUTC`; a bearer token and `xero-tenant-id` are required.
 */
export class XeroFake {
  readonly invoices: Invoice[] = [];

  private constructor(
    readonly server: FakeToolServer,
    private readonly token: string,
    private readonly tenantId: string,
  ) {}

  static async start(token = 'xero-token', tenantId = 'tenant-1'): Promise<XeroFake> {
    let fake: XeroFake | null = null;
    const server = await FakeToolServer.start((request) => fake!.answer(request));
    fake = new XeroFake(server, token, tenantId);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  private answer(request: ToolRequest): ToolResponse {
    if (request.headers.authorization !== `Bearer ${this.token}`) return { status: 401, body: unauthorized };
    if (request.headers['xero-tenant-id'] !== this.tenantId) return { status: 403, body: { Title: 'Forbidden', Status: 403, Detail: 'AuthorizationUnsuccessful' } };
    if (request.path === '/api.xro/2.0/Organisation') return { body: { Organisations: [{ Name: 'Zixly Pty Ltd', BaseCurrency: 'AUD' }] } };
    const byId = /^\/api\.xro\/2\.0\/Invoices\/([^/]+)$/.exec(request.path);
    if (byId) {
      const invoice = this.invoices.find((candidate) => candidate.InvoiceID === decodeURIComponent(byId[1]!));
      return invoice ? { body: { Invoices: [invoice] } } : { status: 404, body: { Title: 'Not Found', Status: 404 } };
    }
    if (request.path !== '/api.xro/2.0/Invoices') return { status: 404, body: { Title: 'Not Found', Status: 404 } };
    const header = request.headers['if-modified-since'];
    const since = typeof header === 'string' ? Date.parse(`${header}Z`) : Number.NEGATIVE_INFINITY;
    const modified = this.invoices.filter((invoice) => updatedAt(invoice) >= since).sort((a, b) => updatedAt(a) - updatedAt(b));
    const page = Number(request.query.get('page') ?? 1);
    return { body: { Invoices: modified.slice((page - 1) * 100, page * 100) } };
  }
}

function updatedAt(invoice: Invoice): number {
  return Number(/\((\d+)/.exec(invoice.UpdatedDateUTC)![1]);
}
