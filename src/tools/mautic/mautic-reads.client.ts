import type { Json } from '../../core/read-store.port';
import type { SyncHttpClient } from '../shared/tool-reads';
import type { MauticCredentials } from '../../ingest/sync/sync.config';

export const mauticPageSize = 100;

interface ContactsResponse {
  /** Keyed by contact id (an empty list when there are none). */
  readonly contacts?: Record<string, Json> | Json[];
}

/** Mautic stores times in UTC and filters with `Y-m-d H:i:s`. */
const mauticTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');

const modifiedAt = (contact: Json) => String((contact as Record<string, Json>).dateModified ?? '');

/** Mautic REST API (basic auth): contacts modified since an instant, oldest change first. */
export class MauticClient {
  constructor(
    private readonly credentials: MauticCredentials,
    private readonly http: SyncHttpClient,
  ) {}

  async contactsModifiedSince(since: string | null, start: number): Promise<Json[]> {
    const query = new URLSearchParams({ start: String(start), limit: String(mauticPageSize), orderBy: 'date_modified', orderByDir: 'ASC' });
    if (since) {
      query.set('where[0][col]', 'date_modified');
      query.set('where[0][expr]', 'gte');
      query.set('where[0][val]', mauticTime(since));
    }
    const basic = Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64');
    const response = await this.http.getJson<ContactsResponse>({ url: `${this.credentials.apiUrl}/api/contacts?${query}`, headers: { authorization: `Basic ${basic}` } });
    const contacts = response?.contacts ?? [];
    // Integer-like keys iterate in id order, not in the server's order.
    return (Array.isArray(contacts) ? contacts : Object.values(contacts)).sort((a, b) => modifiedAt(a).localeCompare(modifiedAt(b)));
  }
}
