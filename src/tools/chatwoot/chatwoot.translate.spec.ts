import { describe, expect, it } from 'vitest';
import { DomainRuleError } from '../../core/errors';
import type { Json } from '../../core/read-store.port';
import { ticketDecider, type TicketState } from '../../aggregates/ticket/ticket.decider';
import type { TicketCommand } from '../../aggregates/ticket/ticket.commands';
import type { TicketEvent } from '../../aggregates/ticket/ticket.events';
import type { Delivery, Translation } from '../../ingest/delivery';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { translateChatwoot } from './chatwoot.translate';

const identities = IdentitySnapshot.of({ 'chatwoot:42': 'client-globex' });
const source = { tool: 'chatwoot', externalId: 'conversation:1:207' };
const open = {
  command: {
    type: 'OpenTicket',
    data: { ticketId: 'chatwoot:1:207', clientId: 'client-globex', channel: 'chat', priority: 'MEDIUM', subject: 'Chatwoot conversation #207' },
    occurredAt: '2026-05-27T10:09:00.000Z',
  },
  source,
};
const firstResponse = {
  command: { type: 'RecordFirstResponse', data: { ticketId: 'chatwoot:1:207', responderId: 'chatwoot:user:3' }, occurredAt: '2026-05-27T10:23:20.114Z' },
  source,
};
const resolve = { command: { type: 'ResolveTicket', data: { ticketId: 'chatwoot:1:207' }, occurredAt: '2026-05-28T10:10:00.870Z' }, source };

const translate = (delivery: Delivery, lookup = identities) => translateChatwoot(delivery, lookup);
const withPayload = (delivery: Delivery, change: (body: Record<string, any>) => void): Delivery => {
  const body = structuredClone(delivery.payload) as Record<string, any>;
  change(body);
  return { ...delivery, payload: body as Json };
};

describe('chatwoot translation of the sample deliveries', () => {
  it('opens a ticket for a new conversation, at its creation, for the contact linked to a client', () =>
    expect(translate(fixtureDelivery('chatwoot.conversation_created'))).toEqual({ outcome: 'commands', commands: [open] }));

  it('opens, records the first reply and resolves on a status change to resolved', () =>
    expect(translate(fixtureDelivery('chatwoot.conversation_status_changed'))).toEqual({ outcome: 'commands', commands: [open, firstResponse, resolve] }));

  it('records the first human reply from an agent message, opening the ticket first', () =>
    expect(translate(fixtureDelivery('chatwoot.message_created'))).toEqual({ outcome: 'commands', commands: [open, firstResponse] }));

  it('rates the ticket from a CSAT answer', () => {
    const rating = {
      command: {
        type: 'RateTicket',
        data: { ticketId: 'chatwoot:1:207', ratingId: 'chatwoot:1:csat:700', score: 5, comment: 'Fast and friendly, thanks!' },
        occurredAt: '2026-05-28T10:10:00.402Z',
      },
      source: { tool: 'chatwoot', externalId: 'message:1:700' },
    };
    expect(translate(fixtureDelivery('chatwoot.message_updated.csat'))).toEqual({ outcome: 'commands', commands: [open, rating] });
  });

  it('ignores a new contact: contacts reach clients through the identity mapping', () =>
    expect(translate(fixtureDelivery('chatwoot.contact_created'))).toEqual({
      outcome: 'ignored',
      reason: 'chatwoot contact_created: not used (contacts are linked to clients through identities)',
    }));

  it('gives every other event a webhook can subscribe to its own reason', () => {
    const reasonOf = (event: string) => {
      const translation = translate({ ...fixtureDelivery('chatwoot.contact_created'), eventKind: event, payload: { event } });
      return translation.outcome === 'ignored' ? translation.reason : translation.outcome;
    };
    expect(reasonOf('webwidget_triggered')).toBe('chatwoot webwidget_triggered: a visitor opening the chat widget is not a ticket until a conversation starts');
    expect(reasonOf('conversation_typing_on')).toBe('chatwoot conversation_typing_on: typing indicators carry no business fact');
    expect(reasonOf('inbox_renamed')).toBe('chatwoot inbox_renamed: not a Chatwoot event Zixly knows');
  });
});

describe('chatwoot translation rules', () => {
  it('parks a conversation whose contact is linked to no client', () =>
    expect(translate(fixtureDelivery('chatwoot.conversation_created'), IdentitySnapshot.of({}))).toEqual({
      outcome: 'unmapped',
      tool: 'chatwoot',
      externalId: '42',
      reason: 'No Zixly client is linked to chatwoot contact 42 or e-mail domain globex.example',
    }));

  it("finds the client by the contact's e-mail domain when the contact id is not linked", () => {
    const translation = translate(fixtureDelivery('chatwoot.conversation_created'), IdentitySnapshot.of({ 'domain:globex.example': 'client-globex' }));
    expect(translation).toEqual({ outcome: 'commands', commands: [open] });
  });

  it('maps the channel and priority of the conversation', () => {
    const delivery = withPayload(fixtureDelivery('chatwoot.conversation_created'), (body) => {
      body.channel = 'Channel::Email';
      body.priority = 'urgent';
      body.additional_attributes = { mail_subject: 'Quote for a landing page' };
    });
    const data = { ...open.command.data, channel: 'email', priority: 'URGENT', subject: 'Quote for a landing page' };
    expect(translate(delivery)).toEqual({ outcome: 'commands', commands: [{ ...open, command: { ...open.command, data } }] });
  });

  it('reopens on a status change back to open, and leaves pending conversations as they are', () => {
    const reopened = translate(withPayload(fixtureDelivery('chatwoot.conversation_status_changed'), (body) => (body.status = 'open')));
    const pending = translate(withPayload(fixtureDelivery('chatwoot.conversation_status_changed'), (body) => (body.status = 'pending')));
    const reopen = { command: { type: 'ReopenTicket', data: { ticketId: 'chatwoot:1:207' }, occurredAt: resolve.command.occurredAt }, source };
    expect([reopened, pending]).toEqual([
      { outcome: 'commands', commands: [open, firstResponse, reopen] },
      { outcome: 'commands', commands: [open, firstResponse] },
    ]);
  });

  it('acts on the status of conversation_updated only when the status changed', () => {
    const updated = (changed: Json) =>
      translate(withPayload(fixtureDelivery('chatwoot.conversation_status_changed'), (body) => Object.assign(body, { event: 'conversation_updated', changed_attributes: changed })));
    expect(updated([{ status: { previous_value: 'open', current_value: 'resolved' } }])).toEqual({ outcome: 'commands', commands: [open, firstResponse, resolve] });
    expect(updated([{ label_list: { previous_value: [], current_value: ['vip'] } }])).toEqual({ outcome: 'commands', commands: [open, firstResponse] });
  });

  it('ignores private notes, customer messages and bot replies', () => {
    const variants = [
      (body: Record<string, any>) => (body.private = true),
      (body: Record<string, any>) => (body.message_type = 'incoming'),
      (body: Record<string, any>) => (body.sender = { id: 9, name: 'Bot', type: 'agent_bot' }),
    ];
    for (const change of variants) {
      expect(translate(withPayload(fixtureDelivery('chatwoot.message_created'), change))).toEqual({
        outcome: 'ignored',
        reason: 'chatwoot message_created: not a public reply by a person',
      });
    }
  });

  it('takes the reply time from the message when Chatwoot has not stamped the first reply yet', () => {
    const delivery = withPayload(fixtureDelivery('chatwoot.message_created'), (body) => {
      body.conversation.first_reply_created_at = null;
      body.created_at = '2026-05-27T10:30:00.000Z';
    });
    const response = { command: { ...firstResponse.command, occurredAt: '2026-05-27T10:30:00.000Z' }, source };
    expect(translate(delivery)).toEqual({ outcome: 'commands', commands: [open, response] });
  });

  it('calls a conversation without a creation time invalid', () =>
    expect(translate(withPayload(fixtureDelivery('chatwoot.conversation_created'), (body) => delete body.created_at))).toEqual({
      outcome: 'invalid',
      reason: 'payload.created_at must be a number, got nothing',
    }));

  it('calls a CSAT rating outside 1 to 5 invalid', () =>
    expect(translate(withPayload(fixtureDelivery('chatwoot.message_updated.csat'), (body) => (body.content_attributes.submitted_values.csat_survey_response.rating = 7)))).toEqual({
      outcome: 'invalid',
      reason: 'payload.content_attributes.submitted_values.csat_survey_response.rating must be a rating from 1 to 5, got 7',
    }));

  it('ignores a message update that is not a CSAT answer', () =>
    expect(translate(withPayload(fixtureDelivery('chatwoot.message_updated.csat'), (body) => (body.content_attributes = {})))).toEqual({
      outcome: 'ignored',
      reason: 'chatwoot message_updated: not a CSAT answer',
    }));
});

describe('chatwoot translations converge whatever the arrival order', () => {
  const names = ['chatwoot.conversation_created', 'chatwoot.message_created', 'chatwoot.conversation_status_changed', 'chatwoot.message_updated.csat'];

  /** Runs the commands through the ticket decider, retrying "not yet" rule violations as the worker does. */
  function ticketAfter(order: readonly string[]): TicketEvent[] {
    const commands = order.flatMap((name) => {
      const translation: Translation = translate(fixtureDelivery(name));
      return translation.outcome === 'commands' ? translation.commands.map((item) => item.command as TicketCommand) : [];
    });
    let state: TicketState = ticketDecider.initialState;
    const events: TicketEvent[] = [];
    for (const command of commands) {
      try {
        const decided = ticketDecider.decide(command, state);
        events.push(...decided);
        state = decided.reduce(ticketDecider.evolve, state);
      } catch (error) {
        if (!(error instanceof DomainRuleError)) throw error;
      }
    }
    return events.sort((a, b) => a.type.localeCompare(b.type));
  }

  it('records the same ticket facts in order and in reverse order', () => {
    const forwards = ticketAfter(names);
    expect(forwards.map((event) => event.type)).toEqual(['CsatRated', 'FirstResponseRecorded', 'TicketOpened', 'TicketResolved']);
    expect(ticketAfter([...names].reverse())).toEqual(forwards);
  });
});
