import type { Json } from '../../core/read-store.port';
import type { SyncHttpClient } from '../shared/tool-reads';
import type { ChatwootCredentials } from '../../ingest/sync/sync.config';

/** Chatwoot pages conversation lists by 25. */
export const chatwootPageSize = 25;

interface ConversationsResponse {
  readonly data?: { readonly payload?: Json[] };
}

/** Chatwoot application API: the account's conversations of every status, most recent activity first. */
export class ChatwootClient {
  constructor(
    private readonly credentials: ChatwootCredentials,
    private readonly http: SyncHttpClient,
  ) {}

  get accountId(): string {
    return this.credentials.accountId;
  }

  async conversations(page: number): Promise<Json[]> {
    const query = new URLSearchParams({ status: 'all', sort_by: 'last_activity_at_desc', page: String(page) });
    const url = `${this.credentials.apiUrl}/api/v1/accounts/${encodeURIComponent(this.credentials.accountId)}/conversations?${query}`;
    const response = await this.http.getJson<ConversationsResponse>({ url, headers: { api_access_token: this.credentials.apiToken } });
    return response?.data?.payload ?? [];
  }
}
