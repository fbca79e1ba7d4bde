import { FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

export interface FakeNinjaClient {
  readonly id: string;
  readonly name: string;
  readonly id_number: string;
  readonly contacts: ReadonlyArray<{ email: string }>;
}

export interface FakeNinjaInvoice {
  readonly id: string;
  readonly client_id: string;
  readonly number: string;
  readonly amount: number;
  status_id: string;
  last_sent_date: string;
}

/** Invoice Ninja v5 API (`X-API-TOKEN`): clients by id_number, invoices by number, bulk email. */
export class FakeInvoiceNinja {
  readonly clients: FakeNinjaClient[] = [];
  readonly invoices: FakeNinjaInvoice[] = [];
  readonly emailed: string[] = [];
  server!: FakeToolServer;

  constructor(readonly apiToken = 'ninja-token-test') {}

  static async start(): Promise<FakeInvoiceNinja> {
    const ninja = new FakeInvoiceNinja();
    ninja.server = await FakeToolServer.start((request) => ninja.route(request));
    return ninja;
  }

  private route(request: ToolRequest): ToolResponse {
    if (request.headers['x-api-token'] !== this.apiToken) return json(403, { message: 'Invalid token' });
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /api/v1/clients') return json(200, { data: this.clients.filter((client) => client.id_number === request.query.get('id_number')), meta: {} });
    if (route === 'POST /api/v1/clients') return this.createClient(request);
    if (route === 'GET /api/v1/invoices') return json(200, { data: this.invoices.filter((invoice) => invoice.number === request.query.get('number')), meta: {} });
    if (route === 'POST /api/v1/invoices') return this.createInvoice(request);
    if (route === 'POST /api/v1/invoices/bulk') return this.bulk(request);
    return json(404, { message: 'Route not found' });
  }

  private createClient(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { name?: string; id_number?: string; contacts?: Array<{ email: string }> };
    if (!body.name) return json(422, { message: 'The given data was invalid.', errors: { name: ['The name field is required.'] } });
    const client = { id: `cl${this.clients.length + 1}`, name: body.name, id_number: body.id_number ?? '', contacts: body.contacts ?? [] };
    this.clients.push(client);
    return json(200, { data: client });
  }

  private createInvoice(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { client_id?: string; number?: string; line_items?: Array<{ cost: number; quantity: number }> };
    if (!this.clients.some((client) => client.id === body.client_id)) return json(422, { message: 'The given data was invalid.', errors: { client_id: ['The selected client id is invalid.'] } });
    if (this.invoices.some((invoice) => invoice.number === body.number)) return json(422, { message: 'The given data was invalid.', errors: { number: ['The number has already been taken.'] } });
    const amount = (body.line_items ?? []).reduce((total, line) => total + line.cost * line.quantity, 0);
    const invoice = { id: `inv${this.invoices.length + 1}`, client_id: body.client_id!, number: body.number ?? `000${this.invoices.length + 1}`, amount, status_id: '1', last_sent_date: '' };
    this.invoices.push(invoice);
    return json(200, { data: invoice });
  }

  private bulk(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { action?: string; ids?: string[] };
    if (body.action !== 'email') return json(422, { message: `Unsupported action ${body.action}` });
    const invoices = this.invoices.filter((invoice) => body.ids?.includes(invoice.id));
    for (const invoice of invoices) {
      invoice.status_id = '2';
      invoice.last_sent_date = '2026-03-02';
      this.emailed.push(invoice.number);
    }
    return json(200, { data: invoices });
  }
}
