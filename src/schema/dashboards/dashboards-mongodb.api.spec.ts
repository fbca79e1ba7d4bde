import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { mongoTestServer, mongoTestUrl } from '../../testing/mongodb-test-database';
import { ClientsSupportDashboardDocument, FinancialDashboardDocument, SalesPipelineDashboardDocument, ServiceDeliveryDashboardDocument } from '../__generated__/operations';
import { asViewer, march, seedHistory } from '../../testing/schema/dashboards.fixture';

if (!mongoTestServer) console.log('SKIPPED: the dashboards on the MongoDB read store (set MONGODB_URL, see README)');

describe.skipIf(!mongoTestServer)('dashboards on the MongoDB read store', () => {
  let onSqlite: ApiClient;
  let onMongo: ApiClient;
  beforeAll(async () => {
    // Given the same history sent to an app on SQLite and to one on MongoDB
    onSqlite = await ApiClient.start();
    onMongo = await ApiClient.start({ MONGODB_URL: mongoTestUrl('zixly_dashboards') });
    await seedHistory(onSqlite);
    await seedHistory(onMongo);
  }, 120_000);
  afterAll(async () => {
    await onSqlite?.stop();
    await onMongo?.stop();
  });

  it('answers every KPI of the four business dashboards as the app on SQLite does', async () => {
    const documents: ReadonlyArray<TypedDocumentNode<unknown, { period: typeof march }>> = [FinancialDashboardDocument, ServiceDeliveryDashboardDocument, ClientsSupportDashboardDocument, SalesPipelineDashboardDocument];
    for (const document of documents) {
      const expected = withoutPositions(await asViewer(onSqlite, document, { period: march }));
      expect(JSON.stringify(expected).length).toBeGreaterThan(500);
      expect(withoutPositions(await asViewer(onMongo, document, { period: march }))).toEqual(expected);
    }
  });
});

/** Log positions differ between the two apps' event stores (each records its own start-up facts). */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'position').map(([key, nested]) => [key, withoutPositions(nested)]));
}
