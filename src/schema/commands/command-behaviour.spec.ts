import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect } from '../../core/event-store.port';
import { ApiClient } from '../../testing/api-client';
import { mutationFor } from '../../testing/schema/every-command.fixture';

type Payload = { status: string; replayed: boolean; revision: string; events: { id: string; type: string }[] };
type Data = Record<string, Payload>;

const client = { clientId: 'c-1', name: 'Acme', tier: 'STARTER', industry: 'Logistics' };
const invoice = { invoiceId: 'i-1', clientId: 'c-1', number: 'INV-001', amountCents: 10_000, issuedOn: '2026-03-02', dueOn: '2026-03-16', kind: 'ONE_OFF' };
const payment = (paymentId: string, amountCents: number) => ({ invoiceId: 'i-1', paymentId, amountCents, paidOn: '2026-03-10' });

describe('mutations', () => {
  let api: ApiClient;
  beforeEach(async () => {
    api = await ApiClient.start();
  });
  afterEach(() => api.stop());

  describe('rules and validation', () => {
    it('reports a broken business rule as RULE_VIOLATION with its rule code', async () => {
      await api.execute(mutationFor('OnboardClient'), { input: client });
      await api.execute(mutationFor('IssueInvoice'), { input: invoice });

      const response = await api.execute(mutationFor('RecordPayment'), { input: payment('pay-1', 10_001) });

      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'invoice.overpayment' });
      expect(await collect(api.services.eventStore.readStream('Invoice-i-1'))).toHaveLength(1);
    });

    it('refuses malformed input as BAD_USER_INPUT with a message per field, before any command runs', async () => {
      const response = await api.execute(mutationFor('IssueInvoice'), { input: { ...invoice, amountCents: -500, dueOn: '16/03/2026' } });

      expect(response.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'amountCents', messages: ['amountCents must be a positive amount of cents, got -500'] },
          { field: 'dueOn', messages: ['dueOn must be a calendar date YYYY-MM-DD, got "16/03/2026"'] },
        ],
      });
      expect(await collect(api.services.eventStore.readStream('Invoice-i-1'))).toEqual([]);
    });

    it('refuses a date that does not exist, a score out of range and an unknown currency', async () => {
      const badDate = await api.execute(mutationFor('IssueInvoice'), { input: { ...invoice, issuedOn: '2026-02-30' } });
      const badScore = await api.execute(mutationFor('RateTicket'), { input: { ticketId: 't-1', ratingId: 'r-1', score: 6 } });
      const badCurrency = await api.execute(mutationFor('IssueInvoice'), { input: { ...invoice, currency: 'XYZ' } });

      expect(badDate.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'issuedOn' }] });
      expect(badScore.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'score', messages: ['score must be at most 5, got 6'] }] });
      expect(badCurrency.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'currency' }] });
    });

    it('validates nested input: a workflow trigger needs exactly one of eventId or schedule', async () => {
      const input = { runId: 'w-1', workflow: 'report', trigger: { eventId: 'e-1', schedule: 'daily' }, manualMinutes: 5 };

      const response = await api.execute(mutationFor('StartWorkflowRun'), { input });

      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'trigger', messages: ['trigger must give exactly one of eventId or schedule'] }] });
    });

    it('needs the EDITOR role: a VIEWER is FORBIDDEN and a caller without a key UNAUTHENTICATED', async () => {
      const asViewer = await api.execute(mutationFor('OnboardClient'), { input: client }, 'VIEWER');
      const anonymous = await api.execute(mutationFor('OnboardClient'), { input: client }, null);

      expect(asViewer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(await collect(api.services.eventStore.readStream('Client-c-1'))).toEqual([]);
    });
  });

  describe('idempotency keys', () => {
    it('acts once for a key sent twice and replays the original events', async () => {
      await api.execute(mutationFor('OnboardClient'), { input: client });
      await api.execute(mutationFor('IssueInvoice'), { input: invoice });
      const pay = () => api.execute<Data>(mutationFor('RecordPayment', undefined, 'idempotencyKey: "retry-42"'), { input: payment('pay-1', 4_000) });

      const first = await pay();
      const second = await pay();

      expect(first.data!.recordPayment).toMatchObject({ status: 'APPENDED', replayed: false });
      expect(second.data!.recordPayment).toMatchObject({ status: 'APPENDED', replayed: true, events: first.data!.recordPayment!.events });
      const types = (await collect(api.services.eventStore.readStream('Invoice-i-1'))).map((event) => event.type);
      expect(types).toEqual(['InvoiceIssued', 'PaymentReceived']);
    });

    it('refuses a key longer than 200 characters', async () => {
      const response = await api.execute(mutationFor('OnboardClient', undefined, `idempotencyKey: "${'k'.repeat(201)}"`), { input: client });

      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'idempotencyKey' }] });
    });
  });

  describe('expected revision', () => {
    it('appends when the stream is at the expected revision and reports CONFLICT when it moved on', async () => {
      const onboarded = await api.execute<Data>(mutationFor('OnboardClient'), { input: client });
      const revision = onboarded.data!.onboardClient!.revision;
      const changeTier = (tier: string) =>
        api.execute<Data>(mutationFor('ChangeClientTier', undefined, 'expectedRevision: $revision').replace('$input:', '$revision: BigInt, $input:'), {
          input: { clientId: 'c-1', tier },
          revision,
        });

      const first = await changeTier('PROFESSIONAL');
      const stale = await changeTier('ENTERPRISE');

      expect(first.data!.changeClientTier).toMatchObject({ status: 'APPENDED', revision: '1' });
      expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'stream.wrong_expected_revision' });
      expect(await collect(api.services.eventStore.readStream('Client-c-1'))).toHaveLength(2);
    });
  });

  describe('metadata', () => {
    it('records the API key as actor, the request correlation id and the given occurredAt', async () => {
      await api.execute(mutationFor('OnboardClient', undefined, 'occurredAt: "2025-07-01T09:30:00+10:00"'), { input: client }, 'EDITOR', { 'x-correlation-id': 'import-2025-07' });

      const [event] = await collect(api.services.eventStore.readStream('Client-c-1'));
      expect(event!.metadata).toMatchObject({ actor: `apikey:${await api.keyIdOf('EDITOR')}`, correlationId: 'import-2025-07', occurredAt: '2025-06-30T23:30:00.000Z' });
    });

    it('accepts optional fields sent as null and bills in AUD when no currency is given', async () => {
      await api.execute(mutationFor('OnboardClient'), { input: { ...client, sourceLeadId: null, contactEmail: null } });

      const [event] = await collect(api.services.eventStore.readStream('Client-c-1'));
      expect(event!.data).toMatchObject({ sourceLeadId: null, contactEmail: null, currency: 'AUD' });
    });
  });
});
