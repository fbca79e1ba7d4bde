import type { Json } from '../../core/read-store.port';
import { expectStatus, jsonOf, ToolError, type HttpResponse } from '../shared/tool-http';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { InvoiceNinjaConfig } from './invoiceninja.config';

export const invoiceNinjaEntities = ['invoices', 'payments', 'tasks'] as const;
export type InvoiceNinjaEntity = (typeof invoiceNinjaEntities)[number];

/** The includes each webhook carries, so a pulled record translates like a delivered one. */
const includes: Readonly<Record<InvoiceNinjaEntity, string>> = { invoices: 'client', payments: 'invoices,client', tasks: 'project' };

export const invoiceNinjaPageSize = 100;

interface ListResponse {
  readonly data?: Json[];
  readonly meta?: { readonly pagination?: { readonly current_page?: number; readonly total_pages?: number } };
}

export interface InvoiceNinjaClientRecord {
  readonly id: string;
  readonly name: string;
  readonly id_number?: string;
}

export interface InvoiceNinjaInvoice {
  readonly id: string;
  readonly number: string;
  /** 1 draft, 2 sent, 3 partial, 4 paid, 5 cancelled, 6 reversed. */
  readonly status_id: string;
  readonly last_sent_date?: string;
}

export interface NewInvoiceNinjaClient {
  readonly name: string;
  /** Our marker: the client is found again by it. */
  readonly idNumber: string;
  readonly contactEmail: string | null;
}

export interface InvoiceLine {
  readonly productKey: string;
  readonly notes: string;
  /** Dollars (Invoice Ninja amounts are decimal numbers). */
  readonly cost: number;
  readonly quantity: number;
}

export interface NewInvoice {
  readonly clientId: string;
  /** Our marker: the invoice is found again by it. */
  readonly number: string;
  readonly date: string;
  readonly dueDate: string;
  readonly lines: readonly InvoiceLine[];
}

/**
 * Invoice Ninja v5 API (`X-API-TOKEN`). The pull sync reads what changed (`GET /api/v1/{entity}`
 * filtered by `updated_at`, oldest change first); the workflows find clients (by `id_number`) and
 * invoices (by `number`), create them, and email an invoice (`bulk` action `email`, which also
 * marks it sent).
 */
export class InvoiceNinjaClient {
  constructor(
    private readonly config: InvoiceNinjaConfig,
    private readonly http: ToolHttpClient,
  ) {}

  /** A page of the records changed since `updatedSince` (Unix seconds, inclusive): the sync's reads. */
  async list(entity: InvoiceNinjaEntity, updatedSince: number, page: number): Promise<{ items: Json[]; lastPage: boolean }> {
    const query = new URLSearchParams({
      updated_at: String(updatedSince),
      sort: 'updated_at|asc',
      status: 'active,archived,deleted',
      per_page: String(invoiceNinjaPageSize),
      page: String(page),
      include: includes[entity],
    });
    const response = await this.http.getJson<ListResponse>({
      url: `${this.config.apiUrl}/api/v1/${entity}?${query}`,
      headers: { 'x-api-token': this.config.apiToken, 'x-requested-with': 'XMLHttpRequest' },
    });
    const items = response?.data ?? [];
    const pagination = response?.meta?.pagination;
    const lastPage = pagination?.total_pages === undefined ? items.length < invoiceNinjaPageSize : page >= pagination.total_pages;
    return { items, lastPage };
  }

  /** `GET /api/v1/webhooks` (WebhookTransformer: `target_url`, `headers`, `is_deleted`, `archived_at`). */
  async webhooks(): Promise<Json | undefined> {
    const headers = { 'x-api-token': this.config.apiToken, 'x-requested-with': 'XMLHttpRequest' };
    return (await this.http.getJson<{ data?: Json }>({ url: `${this.config.apiUrl}/api/v1/webhooks?per_page=100`, headers }))?.data;
  }

  async ensureClient(client: NewInvoiceNinjaClient): Promise<{ client: InvoiceNinjaClientRecord; created: boolean }> {
    const found = await this.find<InvoiceNinjaClientRecord>(`clients?id_number=${encodeURIComponent(client.idNumber)}`, 'clients');
    if (found[0]) return { client: found[0], created: false };
    const contacts = client.contactEmail ? [{ email: client.contactEmail, send_email: true, is_primary: true }] : [];
    const response = expectStatus('invoiceninja', await this.call('POST', 'clients', { name: client.name, id_number: client.idNumber, contacts }), [200, 201]);
    return { client: jsonOf<{ data: InvoiceNinjaClientRecord }>('invoiceninja', response, 'the created client').data, created: true };
  }

  async findInvoiceByNumber(number: string): Promise<InvoiceNinjaInvoice | null> {
    return (await this.find<InvoiceNinjaInvoice>(`invoices?number=${encodeURIComponent(number)}`, 'invoices'))[0] ?? null;
  }

  async ensureInvoice(invoice: NewInvoice): Promise<{ invoice: InvoiceNinjaInvoice; created: boolean }> {
    const existing = await this.findInvoiceByNumber(invoice.number);
    if (existing) return { invoice: existing, created: false };
    const line_items = invoice.lines.map((line) => ({ product_key: line.productKey, notes: line.notes, cost: line.cost, quantity: line.quantity }));
    const body = { client_id: invoice.clientId, number: invoice.number, date: invoice.date, due_date: invoice.dueDate, line_items };
    const response = expectStatus('invoiceninja', await this.call('POST', 'invoices', body), [200, 201]);
    return { invoice: jsonOf<{ data: InvoiceNinjaInvoice }>('invoiceninja', response, 'the created invoice').data, created: true };
  }

  /** An invoice that is no longer a draft (or has a send date) was emailed already. */
  async ensureInvoiceEmailed(number: string): Promise<{ invoice: InvoiceNinjaInvoice; emailed: boolean }> {
    const invoice = await this.findInvoiceByNumber(number);
    if (!invoice) {
      const toolMessage = `invoice ${number} is gone (deleted by hand?), so it cannot be emailed`;
      throw new ToolError({ tool: 'invoiceninja', failure: 'unexpected_response', status: null, toolMessage, retryable: false, ambiguous: false, retryAfterMs: null });
    }
    if (invoice.status_id !== '1' || (invoice.last_sent_date ?? '') !== '') return { invoice, emailed: false };
    expectStatus('invoiceninja', await this.call('POST', 'invoices/bulk', { action: 'email', ids: [invoice.id] }), [200]);
    return { invoice, emailed: true };
  }

  private async find<T>(path: string, what: string): Promise<T[]> {
    const response = expectStatus('invoiceninja', await this.call('GET', path), [200]);
    return jsonOf<{ data: T[] }>('invoiceninja', response, `a list of ${what}`).data ?? [];
  }

  private call(method: string, path: string, body?: object): Promise<HttpResponse> {
    return this.http.send({
      method,
      url: `${this.config.apiUrl}/api/v1/${path}`,
      headers: {
        'X-API-TOKEN': this.config.apiToken,
        'X-Requested-With': 'XMLHttpRequest',
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }
}
