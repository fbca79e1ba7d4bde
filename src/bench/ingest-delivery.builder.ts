import { createHash, randomUUID } from 'node:crypto';
import sample from '../tools/chatwoot/fixtures/chatwoot.conversation_created.json';
import { signedHeaders } from '../testing/ingest/ingest.fixtures';

/** A conversation the benchmark makes Chatwoot report: its number, when it was opened, and whose it is. */
export interface BenchConversation {
  readonly id: number;
  /** Unix seconds: the ticket's `openedAt`, so the second the KPI counts it in. */
  readonly createdAt: number;
  readonly contactId: number;
}

/** One request as Chatwoot sends it, and the dedupe key the receiver stores it under. */
export interface SignedDelivery {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly dedupeKey: string;
}

const { _headers: _annotation, ...conversationCreated } = sample;
const firstMessage = conversationCreated.messages[0]!;

/**
 * The shared sample `conversation_created` body renumbered as another conversation: it opens a
 * ticket of its own, at its own second, for the contact given.
 */
export function conversationCreatedBody(conversation: BenchConversation): string {
  const { id, createdAt, contactId } = conversation;
  const sender = { ...conversationCreated.meta.sender, id: contactId };
  const message = { ...firstMessage, conversation_id: id, created_at: createdAt, sender_id: contactId, sender };
  return JSON.stringify({
    ...conversationCreated,
    id,
    contact_inbox: { ...conversationCreated.contact_inbox, contact_id: contactId },
    messages: [message],
    meta: { ...conversationCreated.meta, sender },
    waiting_since: createdAt,
    last_activity_at: createdAt,
    timestamp: createdAt,
    created_at: createdAt,
    updated_at: createdAt + 0.5,
  });
}

/**
 * Signs `body` as Chatwoot does at send time: a new `X-Chatwoot-Delivery` uuid (Chatwoot sends one
 * per event), `X-Chatwoot-Timestamp` now, `X-Chatwoot-Signature: sha256=` HMAC of "{timestamp}.{body}".
 */
export function signedChatwootDelivery(body: string, secret: string, nowMs = Date.now()): SignedDelivery {
  const delivery = randomUUID();
  const headers = signedHeaders('chatwoot', body, { secret, timestamp: Math.floor(nowMs / 1000), chatwootDelivery: delivery });
  return { headers, body, dedupeKey: `sha256:${createHash('sha256').update(body).digest('hex')}` };
}
