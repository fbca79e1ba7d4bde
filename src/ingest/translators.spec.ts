import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Translation } from './delivery';
import { webhookTools } from './delivery';
import { fixtureDelivery, fixtureNames } from '../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from './identity/identity-lookup';
import { paymentsNamedBy, translators } from './translators';

const identities = IdentitySnapshot.of({
  'chatwoot:42': 'client-globex',
  'invoiceninja:VolejRejNm': 'client-globex',
  'xero:717f2bfc-c6d4-41fd-b238-3f2f0c0cf777': 'client-globex',
});

/** What each sample means; the per-tool specs assert the exact commands and reasons. */
const expected: Readonly<Record<string, Translation['outcome'] | readonly string[]>> = {
  'chatwoot.contact_created': 'ignored',
  'chatwoot.conversation_created': ['OpenTicket'],
  'chatwoot.conversation_status_changed': ['OpenTicket', 'RecordFirstResponse', 'ResolveTicket'],
  'chatwoot.message_created': ['OpenTicket', 'RecordFirstResponse'],
  'chatwoot.message_updated.csat': ['OpenTicket', 'RateTicket'],
  'invoiceninja.create_client': 'ignored',
  'invoiceninja.create_payment': ['IssueInvoice', 'RecordPayment'],
  'invoiceninja.create_project': 'ignored',
  'invoiceninja.sent_invoice': ['IssueInvoice'],
  'invoiceninja.update_task': ['LogHours', 'CorrectTimeEntry'],
  'mautic.email_on_open': ['RecordEmailEngagement'],
  'mautic.form_on_submit': ['CaptureLead', 'RecordFormSubmission'],
  'mautic.lead_points_change': 'ignored',
  'mautic.lead_post_save_new': ['CaptureLead'],
  'nextcloud.NodeCreatedEvent': 'ignored',
  'nextcloud.NodeRenamedEvent': 'ignored',
  'plane.issue.created': 'ignored',
  'plane.issue.updated.state': 'ignored',
  'plane.issue_comment.created': 'ignored',
  'plane.module.updated.status': 'ignored',
  'plane.project.created': 'ignored',
  'plane.v2.workitem.updated': 'ignored',
  'xero.creditnote.create': 'ignored',
  'xero.events_batch': 'ignored',
  'xero.intent_to_receive': 'ignored',
};

const summary = (translation: Translation) =>
  translation.outcome === 'commands' ? translation.commands.map(({ command }) => command.type) : translation.outcome;

describe('translators', () => {
  afterEach(() => vi.useRealTimers());

  it('has one translator per webhook tool', () => expect(Object.keys(translators).sort()).toEqual([...webhookTools].sort()));

  it('has an expected translation for every sample delivery in the fixtures', () => expect(Object.keys(expected).sort()).toEqual([...fixtureNames]));

  it.each(fixtureNames)('translates %s as expected', (name) => {
    const delivery = fixtureDelivery(name);
    expect(summary(translators[delivery.tool](delivery, identities))).toEqual(expected[name]);
  });

  it('is pure: the same delivery gives the same translation at any time of day', () => {
    const translateAll = () => fixtureNames.map((name) => translators[fixtureDelivery(name).tool](fixtureDelivery(name), identities));
    vi.useFakeTimers({ now: new Date('2020-01-01T00:00:00Z') });
    const early = translateAll();
    vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
    expect(translateAll()).toEqual(early);
  });

  it('stamps every command with its tool as source and a time taken from the payload', () => {
    vi.useFakeTimers({ now: new Date('2031-07-15T12:34:56Z') });
    for (const name of fixtureNames) {
      const delivery = fixtureDelivery(name);
      const translation = translators[delivery.tool](delivery, identities);
      for (const { command, source } of translation.outcome === 'commands' ? translation.commands : []) {
        expect(source.tool, name).toBe(delivery.tool);
        // The samples happened in late May 2026; the clock of this run is elsewhere.
        expect(command.occurredAt >= '2026-05-20' && command.occurredAt < '2026-06-03', `${name} ${command.type} at ${command.occurredAt}`).toBe(true);
      }
    }
  });
});

describe('the payments a delivery names', () => {
  const delivery = (tool: 'invoiceninja' | 'xero', event: string) => ({ ...fixtureDelivery('invoiceninja.create_payment'), tool, eventKind: event, headers: { 'x-in-event': event }, payload: { id: 'Wpmbk5ezJn' } });

  it("asks for the allocations of the payment an Invoice Ninja delete_payment names, through the tool's own declaration", () => {
    expect(paymentsNamedBy(delivery('invoiceninja', 'delete_payment'))).toEqual(['invoiceninja:Wpmbk5ezJn']);
  });

  it('asks for none for other events, or for tools that declare no such need', () => {
    expect(paymentsNamedBy(delivery('invoiceninja', 'create_payment'))).toEqual([]);
    expect(paymentsNamedBy(delivery('xero', 'delete_payment'))).toEqual([]);
  });
});
