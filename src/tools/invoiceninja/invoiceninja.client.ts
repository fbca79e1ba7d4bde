import type { InvoiceNinjaConfig } from '../tools.config';
import { expectStatus, jsonOf, sendRequest, ToolError, type ClientOptions, type HttpResponse } from '../shared/tool-http';

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
 * Invoice Ninja v5 API (`X-API-TOKEN`): clients (found by `id_number`) and invoices (found by
 * `number`), and emailing an invoice (`bulk` action `email`, which also marks it sent).
 */
export class InvoiceNinjaClient {
  constructor(
    private readonly config: InvoiceNinjaConfig,
    private readonly options: ClientOptions,
  ) {}

  async ensureClient(client: NewInvoiceNinjaClient): Promise<{ client: InvoiceNinjaClientRecord; created: boolean }> {
    const found = await this.list<InvoiceNinjaClientRecord>(`clients?id_number=${encodeURIComponent(client.idNumber)}`, 'clients');
    if (found[0]) return { client: found[0], created: false };
    const contacts = client.contactEmail ? [{ email: client.contactEmail, send_email: true, is_primary: true }] : [];
    const response = expectStatus('invoiceninja', await this.call('POST', 'clients', { name: client.name, id_number: client.idNumber, contacts }), [200, 201]);
    return { client: jsonOf<{ data: InvoiceNinjaClientRecord }>('invoiceninja', response, 'the created client').data, created: true };
  }

  async findInvoiceByNumber(number: string): Promise<InvoiceNinjaInvoice | null> {
    return (await this.list<InvoiceNinjaInvoice>(`invoices?number=${encodeURIComponent(number)}`, 'invoices'))[0] ?? null;
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

  private async list<T>(path: string, what: string): Promise<T[]> {
    const response = expectStatus('invoiceninja', await this.call('GET', path), [200]);
    return jsonOf<{ data: T[] }>('invoiceninja', response, `a list of ${what}`).data ?? [];
  }

  private call(method: string, path: string, body?: object): Promise<HttpResponse> {
    return sendRequest(
      'invoiceninja',
      {
        method,
        url: `${this.config.apiUrl}/api/v1/${path}`,
        headers: {
          'X-API-TOKEN': this.config.apiToken,
          'X-Requested-With': 'XMLHttpRequest',
          Accept: 'application/json',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        timeoutMs: this.options.timeoutMs,
      },
      this.options.fetch,
    );
  }
}
