import { parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { FinancialDashboardDocument, type FinancialDashboardQuery, OperationsDashboardDocument } from '../__generated__/operations';
import { march, seedHistory } from '../../testing/schema/dashboards.fixture';
import { isCacheableOperation } from './response-cache.plugin';

/** Waits until every read model's checkpoint stands at the log's head (idle progress is saved at most once a second). */
async function settledOn(api: ApiClient): Promise<void> {
  const head = await api.services.eventStore.headPosition();
  for (let tries = 0; tries < 100; tries++) {
    if (api.services.projections.status().every((status) => status.position === head)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the read models did not settle on the head of the log');
}

const operationOf = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('the dashboards response cache', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
    // The VIEWER key is created on first use (events of its own): then every read model's checkpoint
    // reaches the head, so positions stay put while nothing is appended.
    await api.execute('query { __typename }', {}, 'VIEWER');
    await settled();
  });
  afterAll(async () => {
    await api?.stop();
  });

  const settled = () => settledOn(api);
  const financial = async () => {
    const response = await api.execute<FinancialDashboardQuery>(print(FinancialDashboardDocument), { period: march }, 'VIEWER');
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  it('answers the same query at the same read-model positions without executing it, and executes it again once a read model moved', async () => {
    // Given a financial dashboard asked once (its KPIs computed and cached)
    const first = await financial();
    expect(api.schemaServices.kpiCache.size).toBeGreaterThan(0);
    const cached = api.schemaServices.responseCache.size;
    // When the KPI cache is emptied and the same query is asked again
    api.schemaServices.kpiCache.clear();
    const again = await financial();
    // Then the same answer comes back and no KPI was computed for it
    expect(again).toEqual(first);
    expect(api.schemaServices.kpiCache.size).toBe(0);
    expect(api.schemaServices.responseCache.size).toBe(cached);
    // When an invoice is issued in March and projected
    const issue = await api.execute(
      'mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input, occurredAt: "2026-03-28T01:00:00.000Z", waitForProjections: true) { projectionsCaughtUp } }',
      { input: { invoiceId: 'i-cache', clientId: 'c-1', projectId: null, number: 'INV-CACHE', amountCents: 12_300, issuedOn: '2026-03-28', dueOn: '2026-04-27', kind: 'ONE_OFF' } },
    );
    expect(issue.errors).toBeUndefined();
    await settled();
    // Then the dashboard is executed again and counts it
    const after = await financial();
    expect(after.financialDashboard.revenue.value.accrual.totalCents).toBe(first.financialDashboard.revenue.value.accrual.totalCents + 12_300);
    expect(api.schemaServices.kpiCache.size).toBeGreaterThan(0);
  });

  it('never keeps a response that selects live health (sync status, projection lag)', async () => {
    const before = api.schemaServices.responseCache.size;
    const response = await api.execute(print(OperationsDashboardDocument), { period: march }, 'VIEWER');
    expect(response.errors).toBeUndefined();
    expect(api.schemaServices.responseCache.size).toBe(before);
  });

  it('caches only queries of dashboards, series and targets, without asOf', () => {
    expect(isCacheableOperation(operationOf('query { financialDashboard(period: { from: "2026-03-01", to: "2026-04-01" }) { mrr { position } } }'))).toBe(true);
    expect(isCacheableOperation(operationOf('query { operationsDashboard(period: { from: "2026-03-01", to: "2026-04-01" }) { workflowRuns { position } } }'))).toBe(true);
    expect(isCacheableOperation(operationOf('query { financialDashboard(period: { from: "2026-03-01", to: "2026-04-01" }, asOf: "2026-03-15T00:00:00Z") { mrr { position } } }'))).toBe(false);
    expect(isCacheableOperation(operationOf('query ($asOf: DateTime) { financialDashboard(period: { from: "2026-03-01", to: "2026-04-01" }, asOf: $asOf) { mrr { position } } }'), { asOf: null })).toBe(true);
    expect(isCacheableOperation(operationOf('query ($asOf: DateTime) { financialDashboard(period: { from: "2026-03-01", to: "2026-04-01" }, asOf: $asOf) { mrr { position } } }'), { asOf: '2026-03-15T00:00:00Z' })).toBe(false);
    expect(isCacheableOperation(operationOf('query { operationsDashboard(period: { from: "2026-03-01", to: "2026-04-01" }) { syncStatus { position } } }'))).toBe(false);
    expect(isCacheableOperation(operationOf('query { financialDashboard(period: { from: "2026-03-01", to: "2026-04-01" }) { mrr { position } } health { status } }'))).toBe(false);
    expect(isCacheableOperation(operationOf('mutation { issueInvoice(input: {}) { status } }'))).toBe(false);
  });
});
