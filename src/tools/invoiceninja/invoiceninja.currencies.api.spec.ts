import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, secretEnv } from '../../testing/ingest/ingest.fixtures';
import { webhookDeliveryStream } from '../../aggregates/webhook-delivery/webhook-delivery.decider';
import { TestApi } from '../../testing/api-harness';
import { deliver, toolFixture } from '../../testing/tool-webhooks';

const may = { from: '2026-05-01', to: '2026-06-01' };
const revenueQuery = `query ($period: PeriodInput!) { financialDashboard(period: $period) {
  revenue { value { currency accrual { totalCents byCurrency { key value } } } }
} }`;
const invoiceQuery = `query ($id: ID!) { invoice(id: $id) { currency amountCents status } }`;

/** A Hong Kong client of the Brisbane business: Invoice Ninja currency id 26, its invoices at the rate on each. */
describe('Invoice Ninja invoices in another currency through the webhook route', () => {
  let api: TestApi;
  const invoice = async (id: string) => (await api.graphql<any, object>(invoiceQuery, { id })).body.data.invoice;

  beforeAll(async () => {
    api = await TestApi.start(secretEnv());
    const onboard = `mutation { onboardClient(input: { clientId: "kowloon", name: "Kowloon Trading", tier: PROFESSIONAL, industry: "trade", currency: "HKD" }) { status } }`;
    const link = `mutation { linkClientIdentity(input: { clientId: "kowloon", tool: INVOICENINJA, externalId: "Q9qxEK8apM" }, waitForProjections: true) { status } }`;
    expect((await api.graphql<any, object>(onboard)).body.errors).toBeUndefined();
    expect((await api.graphql<any, object>(link)).body.errors).toBeUndefined();
  });
  afterAll(() => api?.stop());

  it('issues an HKD invoice instead of parking it, and counts it in AUD at the invoice’s rate', async () => {
    expect(await deliver(api, 'invoiceninja', toolFixture('invoiceninja', 'sent_invoice.hkd'), { invoiceNinjaEvent: 'sent_invoice' })).toEqual({ status: 'processed', ignoreReason: null });
    expect(await invoice('invoiceninja:xYRdG7dDzO')).toEqual({ currency: 'HKD', amountCents: 5_100_000, status: 'OPEN' });
    const { body } = await api.graphql<any, object>(revenueQuery, { period: may });
    // HK$51,000.00 at 5.1 HKD per AUD = A$10,000.00.
    expect(body.data.financialDashboard.revenue.value).toEqual({ currency: 'AUD', accrual: { totalCents: 1_000_000, byCurrency: [{ key: 'HKD', value: 5_100_000 }] } });
  });

  it('processes an HKD invoice an earlier release parked once it is redriven', async () => {
    const payload = { ...JSON.parse(toolFixture('invoiceninja', 'sent_invoice.hkd')), id: 'Lmk9jxRbv2', number: 'INV-0019' };
    const deliveryId = 'parked-hkd-0019';
    const delivery = { deliveryId, tool: 'invoiceninja' };
    await api.given(webhookDeliveryStream(deliveryId), [
      { type: 'WebhookDeliveryReceived', data: { ...delivery, dedupeKey: 'invoiceninja:Lmk9jxRbv2:sent', eventKind: 'sent_invoice', receivedAt: '2026-05-27T01:00:00.000Z', headers: { 'x-in-event': 'sent_invoice' }, payload } },
      { type: 'WebhookDeliveryParked', data: { ...delivery, reason: 'invalid', error: 'client.settings.currency_id must be an Invoice Ninja currency id (1, 2, …, 17), got "26"' } },
    ]);
    const redriven = await api.graphql<any, object>(`mutation { redriveDelivery(deliveryId: "${deliveryId}") { deliveryId previousReason } }`);
    expect(redriven.body.data).toEqual({ redriveDelivery: { deliveryId, previousReason: 'INVALID' } });
    expect(await eventually(async () => (await invoice('invoiceninja:Lmk9jxRbv2')) ?? undefined, 10_000)).toEqual({ currency: 'HKD', amountCents: 5_100_000, status: 'OPEN' });
  });
});
