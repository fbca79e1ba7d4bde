import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretEnv } from '../../testing/ingest/ingest.fixtures';
import { TestApi } from '../../testing/api-harness';
import { deliver, toolFixture } from '../../testing/tool-webhooks';

const ignoredQuery = `query ($period: PeriodInput!) { operationsDashboard(period: $period) { webhookDeliveries { value { tool ignored ignoredByReason { key value } } } } }`;

/**
 * Plane (its Python JSON spacing, signed over those bytes) and Nextcloud (PHP's json_encode with
 * escaped slashes, the secret in a configured header), delivered through the real routes: nothing
 * of theirs is a business fact, so each is recorded as ignored with the reason an operator sees.
 */
describe('Plane and Nextcloud deliveries as their servers send them', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(secretEnv());
  });
  afterAll(() => api?.stop());

  it('acknowledges a deleted Plane work item and a cycle assignment, each with its reason', async () => {
    expect(await deliver(api, 'plane', toolFixture('plane', 'issue.deleted'))).toEqual({ status: 'ignored', ignoreReason: expect.stringMatching(/^plane issue\.deleted: work items are not business facts/) });
    expect(await deliver(api, 'plane', toolFixture('plane', 'cycle_issue.created'))).toEqual({ status: 'ignored', ignoreReason: expect.stringMatching(/^plane cycle_issue\.created: which sprint or phase/) });
  });

  it('acknowledges a Nextcloud file write with its reason', async () => {
    expect(await deliver(api, 'nextcloud', toolFixture('nextcloud', 'NodeWrittenEvent'))).toEqual({ status: 'ignored', ignoreReason: expect.stringContaining('NodeWrittenEvent: file activity has no business fact') });
  });

  it('shows each reason on the operations dashboard', async () => {
    const { body } = await api.graphql<any, object>(ignoredQuery, { period: { from: '2020-01-01', to: '2100-01-01' } });
    const rows = body.data.operationsDashboard.webhookDeliveries.value as Array<{ tool: string; ignored: number; ignoredByReason: Array<{ key: string; value: number }> }>;
    expect(rows.find((row) => row.tool === 'plane')).toMatchObject({ ignored: 2 });
    expect(rows.find((row) => row.tool === 'plane')!.ignoredByReason.map((row) => row.value)).toEqual([1, 1]);
    expect(rows.find((row) => row.tool === 'nextcloud')).toMatchObject({ ignored: 1 });
  });
});
