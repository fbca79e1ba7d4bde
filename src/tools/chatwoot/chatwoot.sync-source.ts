import type { Json } from '../../core/read-store.port';
import { translateChatwoot } from './chatwoot.translate';
import type { IdentityLookup } from '../../ingest/delivery';
import { fromUnixSeconds } from '../shared/mapping/instants.mapping';
import { Fields } from '../shared/mapping/payload.reader';
import { pulledDelivery } from '../../ingest/sync/sync-delivery';
import type { PulledRecord, PullRequest, SyncPage, SyncSource } from '../../ingest/sync/sync-source';
import { type ChatwootClient, chatwootPageSize } from './chatwoot.client';

/** The page to read and the newest activity seen on the run's first page (the list is newest first). */
type PageToken = { readonly page: number; readonly newest: number };

const activityOf = (conversation: Json) => Fields.of(conversation).optionalNumber('last_activity_at') ?? 0;

/**
 * Conversations with activity since the cursor (epoch seconds), newest first: the list has no
 * "changed since" filter, so the run stops at the first older conversation, and the cursor can
 * only move when the run reaches it. Each conversation is a snapshot of its status, translated as
 * the `conversation_status_changed` webhook would be. CSAT answers are not pulled.
 */
export class ChatwootSyncSource implements SyncSource {
  readonly tool = 'chatwoot' as const;

  constructor(private readonly client: ChatwootClient) {}

  async pull({ cursor, page, identities }: PullRequest): Promise<SyncPage> {
    const token: PageToken = page ? (JSON.parse(page) as PageToken) : { page: 1, newest: Number(cursor ?? 0) };
    const since = Number(cursor ?? 0);
    const conversations = await this.client.conversations(token.page);
    const recent = conversations.filter((conversation) => activityOf(conversation) >= since);
    const newest = Math.max(token.newest, ...recent.map(activityOf));
    const done = recent.length < conversations.length || conversations.length < chatwootPageSize;
    const records = recent.map((conversation) => this.record(conversation, identities));
    return { records, cursor: done ? String(newest) : null, next: done ? null : JSON.stringify({ page: token.page + 1, newest }) };
  }

  private record(conversation: Json, identities: IdentityLookup): PulledRecord {
    const fields = Fields.of(conversation);
    const id = fields.optionalString('id') ?? '?';
    const updatedAt = fromUnixSeconds(fields.optionalNumber('updated_at') ?? 1, 'updated_at');
    const snapshot = { account: { id: this.client.accountId }, ...fields.value, event: 'conversation_status_changed' };
    const delivery = pulledDelivery('chatwoot', 'conversation_status_changed', id, updatedAt, snapshot);
    return { label: `conversation ${id}`, translation: translateChatwoot(delivery, identities) };
  }
}
