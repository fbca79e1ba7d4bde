import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../core/read-store.port';
import { FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Entity = Record<string, Json>;

/** A sample body from the fixtures, without our `_headers`/`_note`. */
export function invoiceNinjaSample(name: string): Entity {
  const { _headers, _note, ...body } = JSON.parse(readFileSync(join(__dirname, 'fixtures', `invoiceninja.${name}.json`), 'utf8')) as Entity;
  return body;
}

export interface FakeNinjaClient {
  readonly id: string;
  readonly name: string;
  readonly id_number: string;
  readonly contacts: ReadonlyArray<{ email: string }>;
}

type Listed = 'invoices' | 'payments' | 'tasks';

export interface InvoiceNinjaFakeOptions {
  readonly token?: string;
  /** The server's cap on `per_page`. */
  readonly maxPerPage?: number;
}

/**
 * Invoice Ninja v5 API (`X-API-TOKEN`) with state: `GET /api/v1/{invoices|payments|tasks}` as the
 * pull sync reads them (`updated_at` in Unix seconds, inclusive, `sort=updated_at|asc`, `per_page`,
 * `page`; `{ data, meta.pagination }`); clients found by `id_number`, invoices by `number`, creating
 * both and emailing through `invoices/bulk` as the workflows do; `GET /api/v1/webhooks` for the tools
 * check (`target_url`, `event_id`, `headers`, `is_deleted`, `archived_at`).
 */
export class InvoiceNinjaFake {
  readonly records: Record<Listed, Entity[]> = { invoices: [], payments: [], tasks: [] };
  readonly clients: FakeNinjaClient[] = [];
  readonly emailed: string[] = [];
  readonly webhooks: Entity[] = [];
  readonly token: string;
  private readonly maxPerPage: number;
  server!: FakeToolServer;

  constructor(options: InvoiceNinjaFakeOptions = {}) {
    this.token = options.token ?? 'ninja-token-test';
    this.maxPerPage = options.maxPerPage ?? 100;
  }

  static async start(options: InvoiceNinjaFakeOptions = {}): Promise<InvoiceNinjaFake> {
    const ninja = new InvoiceNinjaFake(options);
    ninja.server = await FakeToolServer.start((request) => ninja.route(request));
    return ninja;
  }

  get url(): string {
    return this.server.url;
  }

  get invoices(): Entity[] {
    return this.records.invoices;
  }

  /** An invoice like the sent_invoice sample, with its own id, number and update time. */
  addInvoice(id: string, updatedAt: number, changes: Entity = {}): Entity {
    const invoice = { ...invoiceNinjaSample('sent_invoice'), id, number: `INV-${id}`, updated_at: updatedAt, ...changes };
    this.records.invoices.push(invoice);
    return invoice;
  }

  private route(request: ToolRequest): ToolResponse {
    if (request.headers['x-api-token'] !== this.token) return json(401, { message: 'Invalid token' });
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /api/v1/webhooks') return json(200, { data: this.webhooks, meta: { pagination: { total: this.webhooks.length, current_page: 1, total_pages: 1 } } });
    if (route === 'GET /api/v1/clients') return json(200, { data: this.clients.filter((client) => client.id_number === request.query.get('id_number')), meta: {} });
    if (route === 'POST /api/v1/clients') return this.createClient(request);
    if (route === 'GET /api/v1/invoices' && request.query.has('number')) return json(200, { data: this.invoices.filter((invoice) => invoice.number === request.query.get('number')), meta: {} });
    if (route === 'POST /api/v1/invoices') return this.createInvoice(request);
    if (route === 'POST /api/v1/invoices/bulk') return this.bulk(request);
    const listed = /^GET \/api\/v1\/(invoices|payments|tasks)$/.exec(route)?.[1] as Listed | undefined;
    if (listed) return this.changedSince(listed, request);
    return json(404, { message: 'Route not found' });
  }

  private changedSince(entity: Listed, request: ToolRequest): ToolResponse {
    const since = Number(request.query.get('updated_at') ?? 0);
    const perPage = Math.min(this.maxPerPage, Number(request.query.get('per_page') ?? 20));
    const page = Number(request.query.get('page') ?? 1);
    const matching = this.records[entity].filter((record) => (record.updated_at as number) >= since).sort((a, b) => (a.updated_at as number) - (b.updated_at as number));
    const totalPages = Math.max(1, Math.ceil(matching.length / perPage));
    const data = matching.slice((page - 1) * perPage, page * perPage);
    return json(200, { data, meta: { pagination: { total: matching.length, count: data.length, per_page: perPage, current_page: page, total_pages: totalPages } } });
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
    const invoice = { id: `inv${this.invoices.length + 1}`, client_id: body.client_id!, number: body.number ?? `000${this.invoices.length + 1}`, amount, status_id: '1', last_sent_date: '', updated_at: Math.floor(Date.now() / 1000) };
    this.invoices.push(invoice);
    return json(200, { data: invoice });
  }

  private bulk(request: ToolRequest): ToolResponse {
    const body = JSON.parse(request.body) as { action?: string; ids?: string[] };
    if (body.action !== 'email') return json(422, { message: `Unsupported action ${body.action}` });
    const invoices = this.invoices.filter((invoice) => body.ids?.includes(String(invoice.id)));
    for (const invoice of invoices) {
      invoice.status_id = '2';
      invoice.last_sent_date = '2026-03-02';
      this.emailed.push(String(invoice.number));
    }
    return json(200, { data: invoices });
  }
}
