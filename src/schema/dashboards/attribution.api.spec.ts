import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../../testing/api-harness';

const operations = readFileSync(join(__dirname, '..', '__operations__', 'dashboards.graphql'), 'utf8');
const april = { from: '2026-04-01', to: '2026-05-01' };

/**
 * Campaign ROI as a client sends the commands: a lead from the webinar is won as a client whose
 * onboarding names no campaign, and another whose onboarding names the wrong one.
 */
describe('marketing ROI follows the lead a client was won from', () => {
  let api: TestApi;
  const run = async (mutation: string, input: object, occurredAt: string) => {
    const { body } = await api.graphql<any, object>(`mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!, $at: DateTime) { ${mutation}(input: $input, occurredAt: $at) { status } }`, { input, at: occurredAt });
    expect(body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    api = await TestApi.start();
    await run('launchCampaign', { campaignId: 'webinar', name: 'Webinar', channel: 'EVENT' }, '2026-03-01T00:00:00Z');
    await run('recordCampaignCost', { campaignId: 'webinar', costId: 'venue', amountCents: 200_000, incurredOn: '2026-04-01' }, '2026-04-01T00:00:00Z');
    await run('launchCampaign', { campaignId: 'ads', name: 'Ads', channel: 'PAID_SEARCH' }, '2026-03-01T00:00:00Z');
    await run('recordCampaignCost', { campaignId: 'ads', costId: 'clicks', amountCents: 100_000, incurredOn: '2026-04-01' }, '2026-04-01T00:00:00Z');
    // Won from a webinar lead; the onboarding names no campaign.
    await run('captureLead', { leadId: 'l-1', name: 'Acme', source: 'EVENT', campaignId: 'webinar' }, '2026-03-10T00:00:00Z');
    await run('onboardClient', { clientId: 'acme', name: 'Acme', tier: 'PROFESSIONAL', industry: 'logistics' }, '2026-04-02T00:00:00Z');
    await run('winLead', { leadId: 'l-1', valueCents: 1_000_000, clientId: 'acme' }, '2026-04-02T00:00:00Z');
    await run('startRetainer', { clientId: 'acme', retainerId: 'r-1', amountCents: 100_000, billingPeriod: 'MONTHLY' }, '2026-04-02T00:00:00Z');
    // The onboarding says "ads", but the client came from another webinar lead.
    await run('captureLead', { leadId: 'l-2', name: 'Globex', source: 'EVENT', campaignId: 'webinar' }, '2026-03-11T00:00:00Z');
    await run('onboardClient', { clientId: 'globex', name: 'Globex', tier: 'STARTER', industry: 'retail', sourceLeadId: 'l-2', sourceCampaignId: 'ads' }, '2026-04-03T00:00:00Z');
    await run('startRetainer', { clientId: 'globex', retainerId: 'r-2', amountCents: 50_000, billingPeriod: 'MONTHLY' }, '2026-04-03T00:00:00Z');
  });
  afterAll(() => api?.stop());

  it('credits both clients to the webinar and none to ads', async () => {
    await api.app.services.projections.waitFor((await api.app.services.eventStore.headPosition())!, 10_000);
    const { body } = await api.post<any>({ query: operations, operationName: 'SalesPipelineDashboard', variables: { period: april } });
    expect(body.errors).toBeUndefined();
    // webinar: 12 × 1 000.00 + 12 × 500.00 = 18 000.00 against 2 000.00: ROI 8. ads: nothing won against 1 000.00: −1.
    expect(body.data.salesPipelineDashboard.marketingRoi.value).toEqual([
      { campaignId: 'ads', name: 'Ads', costCents: 100_000, clientsWon: 0, firstYearRetainerCents: 0, oneOffInvoicedCents: 0, roi: -1 },
      { campaignId: 'webinar', name: 'Webinar', costCents: 200_000, clientsWon: 2, firstYearRetainerCents: 1_800_000, oneOffInvoicedCents: 0, roi: 8 },
    ]);
  });
});
