import { describe, expect, it } from 'vitest';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { Fields } from '../shared/mapping/payload.reader';
import { xeroInvoiceCommands } from './xero-invoice.mapping';
import { xeroPaidInvoice } from './fixtures/xero-invoice.sample';
import { translateXero, xeroFetchIntents } from './xero.translate';

const identities = IdentitySnapshot.of({ 'xero:717f2bfc-c6d4-41fd-b238-3f2f0c0cf777': 'client-globex' });

describe('xero translation of the sample deliveries', () => {
  it('acknowledges a batch and says which invoice the sync job fetches', () =>
    expect(translateXero(fixtureDelivery('xero.events_batch'), identities)).toEqual({
      outcome: 'ignored',
      reason:
        'xero: notifications carry no data; invoice fc5b5e11-d99a-4f9e-baaa-3c648c2300f3 (UPDATE) is fetched by the xero sync job; contact 717f2bfc-c6d4-41fd-b238-3f2f0c0cf777: contacts are linked to clients through identities',
    }));

  it('acknowledges a credit note: it counts through the invoice it is allocated to', () =>
    expect(translateXero(fixtureDelivery('xero.creditnote.create'), identities)).toEqual({
      outcome: 'ignored',
      reason: 'xero: notifications carry no data; credit note 55d84274-a3da-4829-a7c0-0cab601b95cc: counts when allocated, read from the invoice it is allocated to (its next INVOICE update)',
    }));

  it('acknowledges an intent-to-receive request', () =>
    expect(translateXero(fixtureDelivery('xero.intent_to_receive'), identities)).toEqual({ outcome: 'ignored', reason: 'xero intent to receive: no events' }));

  it('names the invoices to fetch, with the time of the notification in UTC', () =>
    expect(xeroFetchIntents(fixtureDelivery('xero.events_batch').payload)).toEqual([
      { tenantId: '4e3eef5b-31cd-45fa-bec2-55c777be0c8a', invoiceId: 'fc5b5e11-d99a-4f9e-baaa-3c648c2300f3', eventType: 'UPDATE', eventDateUtc: '2026-06-02T09:31:04.198Z' },
    ]));

  it('calls a batch whose events lack a resource id invalid', () =>
    expect(translateXero({ ...fixtureDelivery('xero.events_batch'), payload: { events: [{ eventCategory: 'INVOICE' }] } }, identities).outcome).toBe('invalid'));
});

describe('xero invoices fetched by the sync job', () => {
  const issue = {
    command: {
      type: 'IssueInvoice',
      data: {
        invoiceId: 'xero:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3',
        clientId: 'client-globex',
        projectId: null,
        number: 'INV-0042',
        amountCents: 110_010,
        currency: 'AUD',
        issuedOn: '2026-06-02',
        dueOn: '2026-06-16',
        kind: 'ONE_OFF',
      },
      occurredAt: '2026-06-01T14:00:00.000Z',
    },
    source: { tool: 'xero', externalId: 'invoice:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3' },
  };

  it('issues a paid invoice and records each of its payments', () =>
    expect(xeroInvoiceCommands(Fields.of(xeroPaidInvoice), identities)).toEqual([
      issue,
      {
        command: {
          type: 'RecordPayment',
          data: { invoiceId: 'xero:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3', paymentId: 'xero:0d666415-cf77-43fa-80c7-56775591d426', amountCents: 110_010, currency: 'AUD', paidOn: '2026-06-02' },
          occurredAt: '2026-06-01T14:00:00.000Z',
        },
        source: { tool: 'xero', externalId: 'payment:0d666415-cf77-43fa-80c7-56775591d426' },
      },
    ]));

  it('reads /Date()/ values when the date strings are missing', () => {
    const { DateString: _date, DueDateString: _due, ...invoice } = xeroPaidInvoice;
    expect((xeroInvoiceCommands(Fields.of({ ...invoice, Payments: [] }), identities) as unknown[])[0]).toEqual(issue);
  });

  it('issues and voids a voided invoice, at its last update', () =>
    expect(xeroInvoiceCommands(Fields.of({ ...xeroPaidInvoice, Status: 'VOIDED' }), identities)).toEqual([
      issue,
      {
        command: { type: 'VoidInvoice', data: { invoiceId: 'xero:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3', reason: 'voided in Xero' }, occurredAt: '2026-06-02T09:31:04.198Z' },
        source: issue.source,
      },
    ]));

  it('means nothing for drafts and bills', () => {
    expect(xeroInvoiceCommands(Fields.of({ ...xeroPaidInvoice, Status: 'DRAFT' }), identities)).toBe('xero invoice: DRAFT is not issued');
    expect(xeroInvoiceCommands(Fields.of({ ...xeroPaidInvoice, Type: 'ACCPAY' }), identities)).toBe('xero invoice: ACCPAY is a bill, not a sales invoice');
  });

  it('applies each allocated credit note and takes deleted payments off, converting at the invoice’s CurrencyRate', () => {
    const invoice = {
      ...xeroPaidInvoice,
      CurrencyCode: 'USD',
      CurrencyRate: 0.65,
      CreditNotes: [{ CreditNoteID: 'cn-1', CreditNoteNumber: 'CN-0007', Date: '/Date(1780444800000+0000)/', DateString: '2026-06-03T00:00:00', AppliedAmount: 100.1, Total: 100.1 }],
      Payments: [
        { PaymentID: 'pay-kept', Date: '/Date(1780358400000+0000)/', Amount: 1000.0, CurrencyRate: 0.66 },
        { PaymentID: 'pay-gone', Date: '/Date(1780358400000+0000)/', Amount: 50.0, Status: 'DELETED' },
      ],
    };
    const commands = xeroInvoiceCommands(Fields.of(invoice as unknown as Parameters<typeof Fields.of>[0]), identities) as Array<{ command: { type: string; data: object } }>;
    expect(commands.map(({ command }) => [command.type, command.data])).toEqual([
      ['IssueInvoice', expect.objectContaining({ currency: 'USD', amountCents: 110_010, exchangeRate: 0.65 })],
      ['ApplyCredit', { invoiceId: 'xero:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3', creditId: 'xero:creditnote:cn-1', amountCents: 10_010, currency: 'USD', creditedOn: '2026-06-03' }],
      ['RecordPayment', expect.objectContaining({ paymentId: 'xero:pay-kept', amountCents: 100_000, exchangeRate: 0.66 })],
      ['DeletePayment', { invoiceId: 'xero:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3', paymentId: 'xero:pay-gone' }],
    ]);
  });
});
