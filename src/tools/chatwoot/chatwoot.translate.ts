import type { Delivery, IdentityLookup, TranslatedCommand, Translation } from '../../ingest/delivery';
import { fromIsoInstant } from '../shared/mapping/instants.mapping';
import { Fields, payloadInvalid } from '../shared/mapping/payload.reader';
import { commandsOf, ignored, translated, translateWith } from '../shared/mapping/translation.results';
import { conversationOf, firstResponse, openTicket, statusCommand, type Conversation, type HumanReply } from './chatwoot-conversation.mapping';

/** Why each other event a Chatwoot webhook can subscribe to (`Webhook::ALLOWED_WEBHOOK_EVENTS`) changes nothing. */
const notUsed: Readonly<Record<string, string>> = {
  contact_created: 'not used (contacts are linked to clients through identities)',
  contact_updated: 'not used (contacts are linked to clients through identities)',
  webwidget_triggered: 'a visitor opening the chat widget is not a ticket until a conversation starts',
  conversation_typing_on: 'typing indicators carry no business fact',
  conversation_typing_off: 'typing indicators carry no business fact',
};

/**
 * Chatwoot conversations are tickets. Every translation that touches a ticket opens it first from
 * the conversation the payload carries (opening an opened ticket is a no-op), so the outcome does
 * not depend on which delivery arrives first.
 */
export function translateChatwoot(delivery: Delivery, identities: IdentityLookup): Translation {
  return translateWith(() => {
    const body = Fields.of(delivery.payload);
    const event = body.optionalString('event') ?? delivery.eventKind;
    switch (event) {
      case 'conversation_created':
        return conversationCommands(conversationOf(body), identities, false);
      case 'conversation_status_changed':
        return conversationCommands(conversationOf(body), identities, true);
      case 'conversation_updated':
        return conversationCommands(conversationOf(body), identities, statusChanged(body));
      case 'message_created':
        return messageCreated(body, identities);
      case 'message_updated':
        return messageUpdated(body, identities);
      default:
        return ignored(`chatwoot ${event}: ${notUsed[event] ?? 'not a Chatwoot event Zixly knows'}`);
    }
  });
}

/** Also used by the pull sync, which sees each conversation as a snapshot of its current status. */
export function conversationCommands(conversation: Conversation, identities: IdentityLookup, withStatus: boolean): Translation {
  const commands: TranslatedCommand[] = [openTicket(conversation, identities)];
  const response = firstResponse(conversation, null);
  if (response) commands.push(response);
  const status = withStatus ? statusCommand(conversation) : null;
  if (status) commands.push(status);
  return commandsOf(commands);
}

function statusChanged(body: Fields): boolean {
  const changes = Array.isArray(body.raw('changed_attributes')) ? body.list('changed_attributes') : [];
  return changes.some((change) => change.has('status'));
}

function messageCreated(message: Fields, identities: IdentityLookup): Translation {
  const reply = humanReplyOf(message);
  if (reply === null) return ignored('chatwoot message_created: not a public reply by a person');
  const conversation = conversationOf(message.object('conversation'), message.optionalObject('account')?.string('id') ?? null);
  const response = firstResponse(conversation, reply);
  return commandsOf([openTicket(conversation, identities), ...(response ? [response] : [])]);
}

function humanReplyOf(message: Fields): HumanReply | null {
  const sender = message.optionalObject('sender');
  const human = message.optionalString('message_type') === 'outgoing' && !message.boolean('private', false) && sender?.optionalString('type') === 'user';
  return human && sender ? { userId: sender.string('id'), at: fromIsoInstant(message.string('created_at'), message.at('created_at')) } : null;
}

function csatScore(response: Fields): number {
  const rating = response.number('rating');
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw payloadInvalid(response.at('rating'), 'a rating from 1 to 5', rating);
  return rating;
}

/**
 * CSAT has no event of its own: the survey message is updated with the answer. The answer time is
 * not in the payload, so the survey message's time stands in (answers close after 14 days).
 */
function messageUpdated(message: Fields, identities: IdentityLookup): Translation {
  const response = message.optionalObject('content_attributes')?.optionalObject('submitted_values')?.optionalObject('csat_survey_response');
  if (message.optionalString('content_type') !== 'input_csat' || !response?.has('rating')) {
    return ignored('chatwoot message_updated: not a CSAT answer');
  }
  const conversation = conversationOf(message.object('conversation'), message.optionalObject('account')?.string('id') ?? null);
  const messageId = message.string('id');
  const data = {
    ticketId: conversation.ticketId,
    ratingId: `chatwoot:${conversation.accountId}:csat:${messageId}`,
    score: csatScore(response),
    comment: response.optionalString('feedback_message'),
  };
  const occurredAt = fromIsoInstant(message.string('created_at'), message.at('created_at'));
  const rating = translated({ type: 'RateTicket', data, occurredAt }, 'chatwoot', `message:${conversation.accountId}:${messageId}`);
  return commandsOf([openTicket(conversation, identities), rating]);
}
