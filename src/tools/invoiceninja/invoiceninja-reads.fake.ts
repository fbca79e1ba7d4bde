import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../core/read-store.port';
import { FakeToolServer, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Entity = Record<string, Json>;

/** A sample body from the fixtures, without our `_headers`/`_note`. */
export function invoiceNinjaSample(name: string): Entity {
  const { _headers, _note, ...body } = JSON.parse(readFileSync(join(__dirname, 'fixtures', `invoiceninja.${name}.json`), 'utf8')) as Entity;
  return body;
}

/**
 * Invoice Ninja's list endpoints as documented: `GET /api/v1/{invoices|payments|tasks}` with
 * `X-API-TOKEN`, `updated_at` (Unix seconds, inclusive), `sort=updated_at|asc`, `per_page`, `page`;
 * answers `{ data, meta.pagination }`. The server caps pages at `maxPerPage`.
 */
export class InvoiceNinjaFake {
  readonly records: Record<'invoices' | 'payments' | 'tasks', Entity[]> = { invoices: [], payments: [], tasks: [] };
  /** `GET /api/v1/webhooks` (WebhookTransformer: `target_url`, `event_id`, `headers`, `is_deleted`, `archived_at`). */
  readonly webhooks: Entity[] = [];

  private constructor(
    readonly server: FakeToolServer,
    readonly token: string,
  ) {}

  static async start(token = 'in-token', maxPerPage = 100): Promise<InvoiceNinjaFake> {
    let fake: InvoiceNinjaFake | null = null;
    const server = await FakeToolServer.start((request) => fake!.answer(request, maxPerPage));
    fake = new InvoiceNinjaFake(server, token);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  /** An invoice like the sent_invoice sample, with its own id, number and update time. */
  addInvoice(id: string, updatedAt: number, changes: Entity = {}): Entity {
    const invoice = { ...invoiceNinjaSample('sent_invoice'), id, number: `INV-${id}`, updated_at: updatedAt, ...changes };
    this.records.invoices.push(invoice);
    return invoice;
  }

  private answer(request: ToolRequest, maxPerPage: number): ToolResponse {
    if (request.headers['x-api-token'] !== this.token) return { status: 401, body: { message: 'Invalid token' } };
    if (request.path === '/api/v1/webhooks') return { body: { data: this.webhooks, meta: { pagination: { total: this.webhooks.length, current_page: 1, total_pages: 1 } } } };
    const entity = /^\/api\/v1\/(invoices|payments|tasks)$/.exec(request.path)?.[1] as keyof InvoiceNinjaFake['records'] | undefined;
    if (!entity) return { status: 404, body: { message: 'Not found' } };
    const since = Number(request.query.get('updated_at') ?? 0);
    const perPage = Math.min(maxPerPage, Number(request.query.get('per_page') ?? 20));
    const page = Number(request.query.get('page') ?? 1);
    const matching = this.records[entity].filter((record) => (record.updated_at as number) >= since).sort((a, b) => (a.updated_at as number) - (b.updated_at as number));
    const totalPages = Math.max(1, Math.ceil(matching.length / perPage));
    const data = matching.slice((page - 1) * perPage, page * perPage);
    return { body: { data, meta: { pagination: { total: matching.length, count: data.length, per_page: perPage, current_page: page, total_pages: totalPages } } } };
  }
}
