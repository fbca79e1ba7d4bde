import type { Json } from '../../core/read-store.port';
import type { SyncHttpClient } from '../shared/tool-reads';
import type { InvoiceNinjaCredentials } from '../../ingest/sync/sync.config';

export const invoiceNinjaEntities = ['invoices', 'payments', 'tasks'] as const;
export type InvoiceNinjaEntity = (typeof invoiceNinjaEntities)[number];

/** The includes each webhook carries, so a pulled record translates like a delivered one. */
const includes: Readonly<Record<InvoiceNinjaEntity, string>> = { invoices: 'client', payments: 'invoices,client', tasks: 'project' };

export const invoiceNinjaPageSize = 100;

interface ListResponse {
  readonly data?: Json[];
  readonly meta?: { readonly pagination?: { readonly current_page?: number; readonly total_pages?: number } };
}

/** Invoice Ninja v5 REST: `GET /api/v1/{entity}` filtered by `updated_at` (Unix seconds, inclusive), oldest change first. */
export class InvoiceNinjaClient {
  constructor(
    private readonly credentials: InvoiceNinjaCredentials,
    private readonly http: SyncHttpClient,
  ) {}

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
      url: `${this.credentials.apiUrl}/api/v1/${entity}?${query}`,
      headers: { 'x-api-token': this.credentials.apiToken, 'x-requested-with': 'XMLHttpRequest' },
    });
    const items = response?.data ?? [];
    const pagination = response?.meta?.pagination;
    const lastPage = pagination?.total_pages === undefined ? items.length < invoiceNinjaPageSize : page >= pagination.total_pages;
    return { items, lastPage };
  }
}
