import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../core/read-store.port';
import { FakeToolServer, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

type Conversation = Record<string, Json> & { id: number; last_activity_at: number };

/** A conversation as the list shows it, from the status-change sample (which carries the same object). */
export function chatwootConversation(id: number, lastActivityAt: number, changes: Record<string, Json> = {}): Conversation {
  const sample = JSON.parse(readFileSync(join(__dirname, 'fixtures/chatwoot.conversation_status_changed.json'), 'utf8')) as Record<string, Json>;
  const { _headers, _note, event, changed_attributes, account, ...conversation } = sample;
  return { ...conversation, account_id: 1, id, last_activity_at: lastActivityAt, ...changes } as Conversation;
}

/**
 * `GET /api/v1/accounts/{id}/conversations?status=all&sort_by=last_activity_at_desc&page=N` with
 * the `api_access_token` header; answers `{ data: { meta, payload } }`, 25 per page.
 */
export class ChatwootFake {
  readonly conversations: Conversation[] = [];
  /** `GET /api/v1/accounts/1/webhooks`: `{ payload: { webhooks } }`. */
  readonly webhooks: Array<Record<string, Json>> = [];

  private constructor(
    readonly server: FakeToolServer,
    private readonly token: string,
  ) {}

  static async start(token = 'cw-token'): Promise<ChatwootFake> {
    let fake: ChatwootFake | null = null;
    const server = await FakeToolServer.start((request) => fake!.answer(request));
    fake = new ChatwootFake(server, token);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  private answer(request: ToolRequest): ToolResponse {
    if (request.headers.api_access_token !== this.token) return { status: 401, body: { error: 'Invalid Access Token' } };
    if (request.path === '/api/v1/accounts/1/webhooks') return { body: { payload: { webhooks: this.webhooks } } };
    if (request.path !== '/api/v1/accounts/1/conversations') return { status: 404, body: { error: 'Resource could not be found' } };
    const page = Number(request.query.get('page') ?? 1);
    const sorted = [...this.conversations].sort((a, b) => b.last_activity_at - a.last_activity_at);
    const payload = sorted.slice((page - 1) * 25, page * 25);
    return { body: { data: { meta: { all_count: sorted.length }, payload } } };
  }
}
