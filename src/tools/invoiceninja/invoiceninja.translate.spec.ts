import { describe, expect, it } from 'vitest';
import type { Json } from '../../core/read-store.port';
import type { Delivery } from '../../ingest/delivery';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { translateInvoiceNinja } from './invoiceninja.translate';

const identities = IdentitySnapshot.of({ 'invoiceninja:VolejRejNm': 'client-globex' });
const translate = (delivery: Delivery, lookup = identities) => translateInvoiceNinja(delivery, lookup);
const withPayload = (delivery: Delivery, change: (body: Record<string, any>) => void): Delivery => {
  const body = structuredClone(delivery.payload) as Record<string, any>;
  change(body);
  return { ...delivery, payload: body as Json };
};

const issue = {
  command: {
    type: 'IssueInvoice',
    data: {
      invoiceId: 'invoiceninja:Opnel5aKBz',
      clientId: 'client-globex',
      projectId: null,
      number: 'INV-0017',
      amountCents: 238_000,
      currency: 'EUR',
      issuedOn: '2026-05-27',
      dueOn: '2026-06-10',
      kind: 'ONE_OFF',
    },
    occurredAt: '2026-05-26T14:00:00.000Z',
  },
  source: { tool: 'invoiceninja', externalId: 'invoice:Opnel5aKBz' },
};

describe('invoice ninja translation of the sample deliveries', () => {
  it('issues a sent invoice in its client currency, at the start of its date in Brisbane', () =>
    expect(translate(fixtureDelivery('invoiceninja.sent_invoice'))).toEqual({ outcome: 'commands', commands: [issue] }));

  it('issues the paid invoice and records the payment against it', () => {
    const payment = {
      command: {
        type: 'RecordPayment',
        data: { invoiceId: 'invoiceninja:Opnel5aKBz', paymentId: 'invoiceninja:YQdJP7maKW', amountCents: 238_000, currency: 'EUR', paidOn: '2026-06-02' },
        occurredAt: '2026-06-01T14:00:00.000Z',
      },
      source: { tool: 'invoiceninja', externalId: 'payment:YQdJP7maKW' },
    };
    expect(translate(fixtureDelivery('invoiceninja.create_payment'))).toEqual({ outcome: 'commands', commands: [issue, payment] });
  });

  it('logs each finished time-log row of a task on the business date it started, then corrects it to the current row', () => {
    const facts = {
      projectId: 'invoiceninja:Wpmbk5ezJn',
      entryId: 'invoiceninja:Opnel5aKBz:1779890000',
      workDate: '2026-05-27',
      hours: 1.5,
      billable: true,
      description: 'Call with client',
    };
    const source = { tool: 'invoiceninja', externalId: 'task:Opnel5aKBz:1779890000' };
    expect(translate(fixtureDelivery('invoiceninja.update_task'))).toEqual({
      outcome: 'commands',
      commands: [
        { command: { type: 'LogHours', data: { ...facts, consultantId: 'invoiceninja:VolejRejNm', billRateCents: 10_000 }, occurredAt: '2026-05-27T15:23:20.000Z' }, source },
        { command: { type: 'CorrectTimeEntry', data: facts, occurredAt: '2026-05-27T15:23:20.000Z' }, source },
      ],
    });
  });

  it('ignores a new client: clients are onboarded in Zixly and linked through identities', () =>
    expect(translate(fixtureDelivery('invoiceninja.create_client'))).toEqual({
      outcome: 'ignored',
      reason: 'invoiceninja create_client: clients are onboarded in Zixly (tier and industry are commercial facts) and linked through identities',
    }));

  it('ignores a new project: projects are started in Zixly with the prefixed project id', () =>
    expect(translate(fixtureDelivery('invoiceninja.create_project'))).toEqual({
      outcome: 'ignored',
      reason: 'invoiceninja project_create: projects are started in Zixly (tier and budget amount are commercial facts) with id invoiceninja:<project id>',
    }));
});

describe('invoice ninja translation rules', () => {
  it('accepts the numeric event id as event kind', () =>
    expect(translate({ ...fixtureDelivery('invoiceninja.sent_invoice'), eventKind: '60' })).toEqual({ outcome: 'commands', commands: [issue] }));

  it('parks an invoice of a client linked to no Zixly client', () =>
    expect(translate(fixtureDelivery('invoiceninja.sent_invoice'), IdentitySnapshot.of({}))).toEqual({
      outcome: 'unmapped',
      tool: 'invoiceninja',
      externalId: 'VolejRejNm',
      reason: 'No Zixly client is linked to invoiceninja client VolejRejNm or e-mail domain globex.example',
    }));

  it('parses amounts exactly, without binary float errors', () => {
    const translation = translate(withPayload(fixtureDelivery('invoiceninja.sent_invoice'), (body) => (body.amount = 1234.57)));
    expect(translation.outcome === 'commands' && translation.commands[0]!.command.data).toMatchObject({ amountCents: 123_457 });
  });

  it('issues a recurring invoice as RECURRING, in AUD when the client has no currency setting, due on issue without terms', () => {
    const delivery = withPayload(fixtureDelivery('invoiceninja.sent_invoice'), (body) => {
      body.recurring_id = 'Wpmbk5ezJn';
      body.due_date = '';
      body.client.settings = {};
    });
    const translation = translate(delivery);
    expect(translation.outcome === 'commands' && translation.commands[0]!.command.data).toMatchObject({ kind: 'RECURRING', currency: 'AUD', dueOn: '2026-05-27' });
  });

  it('issues and voids a cancelled invoice', () => {
    const translation = translate({ ...withPayload(fixtureDelivery('invoiceninja.sent_invoice'), (body) => (body.status_id = '5')), eventKind: 'update_invoice' });
    expect(translation).toEqual({
      outcome: 'commands',
      commands: [
        issue,
        {
          command: { type: 'VoidInvoice', data: { invoiceId: 'invoiceninja:Opnel5aKBz', reason: 'cancelled in Invoice Ninja' }, occurredAt: '2026-05-27T11:08:20.000Z' },
          source: issue.source,
        },
      ],
    });
  });

  it('ignores drafts, pending payments and tasks whose timer still runs', () => {
    const draft = translate({ ...withPayload(fixtureDelivery('invoiceninja.sent_invoice'), (body) => (body.status_id = '1')), eventKind: 'update_invoice' });
    const pending = translate(withPayload(fixtureDelivery('invoiceninja.create_payment'), (body) => (body.status_id = '1')));
    const running = translate(withPayload(fixtureDelivery('invoiceninja.update_task'), (body) => (body.time_log = '[[1779890000,0,"",true]]')));
    expect([draft, pending, running]).toEqual([
      { outcome: 'ignored', reason: 'invoiceninja invoice: a draft is not issued yet' },
      { outcome: 'ignored', reason: 'invoiceninja payment: status 1 (pending, cancelled or failed) moved no money' },
      { outcome: 'ignored', reason: 'invoiceninja task: no finished time' },
    ]);
  });

  it('records one payment per invoice it pays, the part paid with credits as a credit applied', () => {
    const delivery = withPayload(fixtureDelivery('invoiceninja.create_payment'), (body) => {
      body.invoices = [];
      body.paymentables = [
        { id: 'p1', invoice_id: 'InvA', amount: 100.1 },
        { id: 'p2', credit_id: 'CrB', amount: 50 },
        { id: 'p3', invoice_id: 'InvC', amount: 0.3 },
      ];
    });
    const translation = translate(delivery);
    const payments = translation.outcome === 'commands' ? translation.commands.map(({ command }) => command.data) : [];
    expect(payments).toEqual([
      { invoiceId: 'invoiceninja:InvA', paymentId: 'invoiceninja:YQdJP7maKW', amountCents: 5_010, currency: 'EUR', paidOn: '2026-06-02' },
      { invoiceId: 'invoiceninja:InvA', creditId: 'invoiceninja:YQdJP7maKW:credits', amountCents: 5_000, currency: 'EUR', creditedOn: '2026-06-02' },
      { invoiceId: 'invoiceninja:InvC', paymentId: 'invoiceninja:YQdJP7maKW', amountCents: 30, currency: 'EUR', paidOn: '2026-06-02' },
    ]);
  });

  it('ignores an invoice with nothing to pay', () =>
    expect(translate(withPayload(fixtureDelivery('invoiceninja.sent_invoice'), (body) => (body.amount = 0)))).toEqual({
      outcome: 'ignored',
      reason: 'invoiceninja invoice: nothing to pay (amount 0 or a credit)',
    }));

  it('calls a task whose time log is not JSON invalid', () =>
    expect(translate(withPayload(fixtureDelivery('invoiceninja.update_task'), (body) => (body.time_log = '[[1779890000,')))).toEqual({
      outcome: 'invalid',
      reason: 'payload.time_log must be a JSON-encoded list, got "[[1779890000,"',
    }));

  it('calls an unknown currency id invalid rather than guessing', () =>
    expect(translate(withPayload(fixtureDelivery('invoiceninja.create_payment'), (body) => (body.currency_id = '999'))).outcome).toBe('invalid'));
});
