import { AppError } from '../../core/errors';
import type { Json } from '../../core/read-store.port';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { XeroConfig } from './xero.config';

/** Xero pages its lists by 100. */
export const xeroPageSize = 100;

interface InvoicesResponse {
  readonly Invoices?: Json[];
}

/** Xero Accounting API: invoices by id, and sales invoices modified since an instant (`If-Modified-Since`, UTC). */
export class XeroClient {
  constructor(
    private readonly credentials: XeroConfig,
    private readonly http: ToolHttpClient,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.credentials.accessToken}`, 'xero-tenant-id': this.credentials.tenantId, ...extra };
  }

  /** Null when Xero no longer has it (deleted drafts answer 404). */
  async invoice(invoiceId: string): Promise<Json | null> {
    try {
      const response = await this.http.getJson<InvoicesResponse>({ url: `${this.credentials.apiUrl}/api.xro/2.0/Invoices/${encodeURIComponent(invoiceId)}`, headers: this.headers() });
      return response?.Invoices?.[0] ?? null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'sync.http_404') return null;
      throw error;
    }
  }

  async modifiedSince(since: string | null, page: number): Promise<Json[]> {
    const query = new URLSearchParams({ page: String(page), order: 'UpdatedDateUTC ASC', where: 'Type=="ACCREC"' });
    const headers = this.headers(since ? { 'if-modified-since': since.slice(0, 19) } : {});
    const response = await this.http.getJson<InvoicesResponse>({ url: `${this.credentials.apiUrl}/api.xro/2.0/Invoices?${query}`, headers });
    return response?.Invoices ?? [];
  }

  /** The organisation: proves the token and the tenant. */
  async organisation(): Promise<Json> {
    return this.http.getJson<Json>({ url: `${this.credentials.apiUrl}/api.xro/2.0/Organisation`, headers: this.headers() });
  }
}
