import type { Json } from '../../core/read-store.port';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { ChatwootConfig } from './chatwoot.config';

/** Chatwoot pages conversation lists by 25. */
export const chatwootPageSize = 25;

interface ConversationsResponse {
  readonly data?: { readonly payload?: Json[] };
}

/** Chatwoot application API: the account's conversations of every status, most recent activity first. */
export class ChatwootClient {
  constructor(
    private readonly credentials: ChatwootConfig,
    private readonly http: ToolHttpClient,
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

  /** `GET /api/v1/accounts/{id}/webhooks`: `{ payload: { webhooks: [{ url, secret? }] } }`. */
  async webhooks(): Promise<Json | undefined> {
    const url = `${this.credentials.apiUrl}/api/v1/accounts/${this.credentials.accountId}/webhooks`;
    return (await this.http.getJson<{ payload?: { webhooks?: Json } }>({ url, headers: { api_access_token: this.credentials.apiToken } }))?.payload?.webhooks;
  }
}
