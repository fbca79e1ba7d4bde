import type { SeededRandom } from '../../demo/seeded-random';
import { isoSeconds, type Payload, samplePayload } from './fixture-payloads';
import type { WorkloadClient, WorkloadUnit } from './workload.types';

const accountId = 1;
const channels = ['Channel::WebWidget', 'Channel::Email', 'Channel::Whatsapp', 'Channel::Api', 'Channel::Sms'];
const priorities = [null, 'low', 'medium', 'high', 'urgent'];
const agents = [3, 4, 7];

interface Story {
  readonly id: number;
  readonly client: WorkloadClient;
  readonly agent: number;
  readonly createdAt: number;
  readonly repliedAt: number;
  readonly resolvedAt: number;
  readonly channel: string;
  readonly priority: string | null;
}

/**
 * One support conversation as Chatwoot reports it: created, the agent's first reply, resolved,
 * then the customer's CSAT answer — four deliveries, four facts on `Ticket-chatwoot:1:<id>`.
 */
export function chatwootConversationUnit(index: number, client: WorkloadClient, random: SeededRandom, start: number): WorkloadUnit {
  const createdAt = start + index * 97 + random.int(0, 60);
  const repliedAt = createdAt + random.int(60, 7_200);
  const story: Story = { id: 5_000 + index, client, agent: random.pick(agents), createdAt, repliedAt, resolvedAt: repliedAt + random.int(600, 86_400), channel: random.pick(channels), priority: random.pick(priorities) };
  const ticketId = `chatwoot:${accountId}:${story.id}`;
  const csatId = 900_000 + index * 10 + 2;
  const rating = random.int(1, 5);
  const deliveries = [
    { label: `chatwoot:${story.id}:created`, tool: 'chatwoot' as const, body: JSON.stringify({ ...conversation(story, 'opening'), event: 'conversation_created' }) },
    { label: `chatwoot:${story.id}:reply`, tool: 'chatwoot' as const, body: JSON.stringify(agentReply(story, 900_000 + index * 10 + 1)) },
    { label: `chatwoot:${story.id}:resolved`, tool: 'chatwoot' as const, body: JSON.stringify(statusChanged(story)) },
    { label: `chatwoot:${story.id}:csat`, tool: 'chatwoot' as const, body: JSON.stringify(csatAnswer(story, csatId, rating)) },
  ];
  const facts = [
    { type: 'TicketOpened', key: ticketId },
    { type: 'FirstResponseRecorded', key: ticketId },
    { type: 'TicketResolved', key: `${ticketId}#1` },
    { type: 'CsatRated', key: `chatwoot:${accountId}:csat:${csatId}` },
  ];
  return { deliveries, facts };
}

type Phase = 'opening' | 'replied' | 'resolved';

/** The conversation object as of a phase, top level or nested in a message payload. */
function conversation(story: Story, phase: Phase): Payload {
  const body = samplePayload('chatwoot.conversation_created');
  delete body.event;
  const contact = { ...body.meta.sender, id: Number(story.client.chatwootContactId), email: `contact${story.id}@${story.client.domain}`, name: `Contact ${story.id}` };
  const replied = phase !== 'opening';
  Object.assign(body, { id: story.id, channel: story.channel, priority: story.priority, created_at: story.createdAt, timestamp: story.createdAt, waiting_since: story.createdAt });
  body.account = { id: accountId, name: 'Zixly' };
  body.contact_inbox.contact_id = contact.id;
  body.meta = { ...body.meta, sender: contact, assignee: replied ? agentOf(story) : null, assignee_type: replied ? 'User' : null };
  body.messages = [replied ? listedReply(story) : { ...body.messages[0], conversation_id: story.id, created_at: story.createdAt, sender_id: contact.id, sender: contact }];
  body.status = phase === 'resolved' ? 'resolved' : 'open';
  body.first_reply_created_at = replied ? isoSeconds(story.repliedAt) : null;
  const activity = phase === 'resolved' ? story.resolvedAt : replied ? story.repliedAt : story.createdAt;
  Object.assign(body, { last_activity_at: activity, updated_at: activity + 0.25, unread_count: replied ? 0 : 1 });
  return body;
}

function agentOf(story: Story): Payload {
  return { id: story.agent, name: `Agent ${story.agent}`, available_name: `Agent ${story.agent}`, avatar_url: '', type: 'user', availability_status: 'online', thumbnail: '' };
}

function listedReply(story: Story): Payload {
  const message = samplePayload('chatwoot.conversation_status_changed').messages[0];
  return { ...message, id: 900_000 + (story.id - 5_000) * 10 + 1, conversation_id: story.id, created_at: story.repliedAt, sender_id: story.agent, sender: agentOf(story) };
}

function agentReply(story: Story, messageId: number): Payload {
  const body = samplePayload('chatwoot.message_created');
  return { ...body, id: messageId, created_at: isoSeconds(story.repliedAt), account: { id: accountId, name: 'Zixly' }, conversation: conversation(story, 'replied'), sender: { ...agentOf(story), email: `agent${story.agent}@zixly.example` } };
}

function statusChanged(story: Story): Payload {
  const changes = [{ status: { previous_value: 'open', current_value: 'resolved' } }];
  return { ...conversation(story, 'resolved'), event: 'conversation_status_changed', changed_attributes: changes };
}

function csatAnswer(story: Story, messageId: number, rating: number): Payload {
  const body = samplePayload('chatwoot.message_updated.csat');
  body.content_attributes.submitted_values.csat_survey_response = { rating, feedback_message: rating >= 4 ? 'Quick and helpful' : 'Took a while' };
  return { ...body, id: messageId, created_at: isoSeconds(story.resolvedAt + 3_600), account: { id: accountId, name: 'Zixly' }, conversation: conversation(story, 'resolved') };
}

/**
 * A conversation just opened by a client's contact, dated `createdAt` (unix seconds; workflows act
 * only on recent facts), with an e-mail subject so the ticket and its Plane work item can be told
 * apart: one delivery, one TicketOpened on `Ticket-chatwoot:1:<id>`.
 */
export function chatwootTicketOpened(id: number, client: WorkloadClient, createdAt: number, subject: string): WorkloadUnit {
  const story: Story = { id, client, agent: agents[0]!, createdAt, repliedAt: createdAt, resolvedAt: createdAt, channel: 'Channel::Email', priority: 'high' };
  const body: Payload = { ...conversation(story, 'opening'), event: 'conversation_created' };
  body.additional_attributes = { ...body.additional_attributes, mail_subject: subject };
  return {
    deliveries: [{ label: `chatwoot:${id}:created`, tool: 'chatwoot', body: JSON.stringify(body) }],
    facts: [{ type: 'TicketOpened', key: `chatwoot:${accountId}:${id}` }],
  };
}
