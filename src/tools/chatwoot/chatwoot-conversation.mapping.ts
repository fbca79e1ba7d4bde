import type { TicketChannel, TicketPriority } from '../../aggregates/ticket/ticket.events';
import type { IdentityLookup, TranslatedCommand } from '../../ingest/delivery';
import { resolveClient } from '../shared/mapping/client-resolution.mapping';
import { fromIsoInstant, fromUnixSeconds } from '../shared/mapping/instants.mapping';
import type { Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';

/** Conversation ids (`display_id`) are numbered per account, so the account is part of the ticket id. */
export const chatwootTicketId = (accountId: string, conversationId: string) => `chatwoot:${accountId}:${conversationId}`;
export const chatwootUserId = (userId: string) => `chatwoot:user:${userId}`;

/** Messengers are chat (as the ticket channels define it); public social inboxes are social. */
const channels: Readonly<Record<string, TicketChannel>> = {
  'Channel::WebWidget': 'chat',
  'Channel::Whatsapp': 'chat',
  'Channel::Telegram': 'chat',
  'Channel::Line': 'chat',
  'Channel::FacebookPage': 'chat',
  'Channel::Email': 'email',
  'Channel::Sms': 'phone',
  'Channel::TwilioSms': 'phone',
  'Channel::Voice': 'phone',
  'Channel::Instagram': 'social',
  'Channel::TwitterProfile': 'social',
};

const priorities: Readonly<Record<string, TicketPriority>> = { low: 'LOW', medium: 'MEDIUM', high: 'HIGH', urgent: 'URGENT' };

/** A conversation as the webhook (top level or nested in a message) and the REST API both show it. */
export interface Conversation {
  readonly fields: Fields;
  readonly accountId: string;
  readonly id: string;
  readonly ticketId: string;
  readonly sourceId: string;
}

/**
 * The account: `account.id` since Chatwoot added `account` to conversation webhooks
 * (`Conversations::EventDataPresenter#webhook_data`); before, the body is the bare `push_data`, whose
 * last message (`messages[0]`, a message's `push_event_data`) names its `account_id`.
 */
function accountIdOf(fields: Fields, fallback: string | null): string {
  const fromMessages = Array.isArray(fields.raw('messages')) ? fields.list('messages').map((message) => message.optionalString('account_id')).find((id) => id !== null) : null;
  return fields.optionalObject('account')?.string('id') ?? fields.optionalString('account_id') ?? fallback ?? fromMessages ?? fields.object('account').string('id');
}

export function conversationOf(fields: Fields, accountIdFallback: string | null = null): Conversation {
  const accountId = accountIdOf(fields, accountIdFallback);
  const id = fields.string('id');
  return { fields, accountId, id, ticketId: chatwootTicketId(accountId, id), sourceId: `conversation:${accountId}:${id}` };
}

/**
 * Opens the ticket from what every conversation payload carries. The subject is the e-mail subject
 * or the conversation number, never a message text: any delivery may be the first to open the
 * ticket, and all of them must open it identically.
 */
export function openTicket(conversation: Conversation, identities: IdentityLookup): TranslatedCommand {
  const { fields, ticketId } = conversation;
  const clientId = resolveClient(identities, contactClues(fields));
  const channel = channels[fields.optionalString('channel') ?? fields.optionalObject('meta')?.optionalString('channel') ?? ''] ?? 'other';
  const priority = priorities[fields.optionalString('priority') ?? ''] ?? 'MEDIUM';
  const subject = fields.optionalObject('additional_attributes')?.optionalString('mail_subject') ?? `Chatwoot conversation #${conversation.id}`;
  const occurredAt = fromUnixSeconds(fields.number('created_at'), fields.at('created_at'));
  return translated({ type: 'OpenTicket', data: { ticketId, clientId, channel, priority, subject }, occurredAt }, 'chatwoot', conversation.sourceId);
}

function contactClues(conversation: Fields) {
  const sender = conversation.optionalObject('meta')?.optionalObject('sender');
  const contactId = sender?.optionalString('id') ?? conversation.object('contact_inbox').string('contact_id');
  return { tool: 'chatwoot' as const, externalId: contactId, kind: 'contact', emails: [sender?.optionalString('email') ?? null] };
}

/** A reply by a person: outgoing, public, sent by a user (not a bot, not a template). */
export interface HumanReply {
  readonly userId: string;
  readonly at: string;
}

/**
 * The first human reply. Chatwoot stamps `first_reply_created_at` once; when the payload has it,
 * it wins over the message at hand (which may be a later reply whose predecessor was lost). The
 * responder is whoever sent the reply at that instant, else the assignee.
 */
export function firstResponse(conversation: Conversation, reply: HumanReply | null): TranslatedCommand | null {
  const { fields, ticketId } = conversation;
  const stamped = fields.optionalString('first_reply_created_at');
  const at = stamped === null ? reply?.at ?? null : fromIsoInstant(stamped, fields.at('first_reply_created_at'));
  if (at === null) return null;
  const candidates = [reply, ...fields.list('messages').map(listedHumanReply)];
  const responder = candidates.find((candidate) => candidate !== null && sameSecond(candidate.at, at))?.userId ?? assigneeOf(fields);
  if (responder === null) return null;
  const command = { type: 'RecordFirstResponse' as const, data: { ticketId, responderId: chatwootUserId(responder) }, occurredAt: at };
  return translated(command, 'chatwoot', conversation.sourceId);
}

/** The last message a conversation payload lists uses integer types and epoch seconds. */
function listedHumanReply(message: Fields): HumanReply | null {
  const human = message.optionalNumber('message_type') === 1 && !message.boolean('private', false) && message.optionalString('sender_type') === 'User';
  return human ? { userId: message.string('sender_id'), at: fromUnixSeconds(message.number('created_at'), message.at('created_at')) } : null;
}

function assigneeOf(conversation: Fields): string | null {
  return conversation.optionalObject('meta')?.optionalObject('assignee')?.optionalString('id') ?? null;
}

const sameSecond = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) < 1000;

/** The status as of the payload: resolved resolves, open reopens (a no-op unless it was resolved). */
export function statusCommand(conversation: Conversation): TranslatedCommand | null {
  const { fields, ticketId } = conversation;
  const status = fields.string('status');
  if (status !== 'resolved' && status !== 'open') return null;
  const occurredAt = fromUnixSeconds(fields.number('updated_at'), fields.at('updated_at'));
  const type = status === 'resolved' ? ('ResolveTicket' as const) : ('ReopenTicket' as const);
  return translated({ type, data: { ticketId }, occurredAt }, 'chatwoot', conversation.sourceId);
}
