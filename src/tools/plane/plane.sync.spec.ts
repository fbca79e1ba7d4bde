import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { PlaneFake } from './plane.fake';
import { SyncHarness } from '../../testing/sync/sync-harness';
import { PlaneClient } from './plane.client';
import { PlaneSyncSource } from './plane.sync-source';

const linked = IdentitySnapshot.of({ 'plane:p-client': 'client-globex' });
const worklog = (id: string, duration: number, updatedAt: string, loggedBy = 'u-dana') => ({
  id,
  created_at: '2026-05-21T22:30:00.000000Z',
  updated_at: updatedAt,
  description: `Work ${id}`,
  duration,
  logged_by: loggedBy,
  created_by: loggedBy,
  project_id: 'p-client',
  workspace_id: 'w-1',
});

describe('plane worklog sync', () => {
  let fake: PlaneFake;
  let harness: SyncHarness;

  beforeEach(async () => {
    fake = await PlaneFake.start({ workspace: 'agency', apiKey: 'plane_api_key', perPage: 1 });
    harness = await SyncHarness.open();
    await harness.given({ type: 'StartProject', occurredAt: '2026-05-01T00:00:00Z', data: { projectId: 'plane:p-client', clientId: 'client-globex', tier: 'PROFESSIONAL', name: 'Relaunch', budgetHours: 100, budgetAmountCents: 0, currency: 'AUD', startedOn: '2026-05-01', dueOn: '2026-07-31' } });
    await harness.given({ type: 'RegisterConsultant', occurredAt: '2026-05-01T00:00:00Z', data: { consultantId: 'plane:u-dana', name: 'Dana', email: 'dana@agency.example', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000, currency: 'AUD' } });
    fake.addProject('p-internal');
    fake.addWorklog('p-client', 'wi-1', worklog('wl-1', 90, '2026-05-21T22:30:00Z'));
    fake.addWorklog('p-client', 'wi-1', worklog('wl-2', 30, '2026-05-22T01:00:00Z'));
    fake.addWorklog('p-client', 'wi-2', worklog('wl-3', 45, '2026-05-22T03:00:00Z'));
    fake.addWorklog('p-internal', 'wi-9', worklog('wl-9', 60, '2026-05-22T04:00:00Z'));
  });
  afterEach(async () => {
    await fake.server.close();
    await harness.close();
  });

  function job(identities = linked) {
    const { http } = harness.http('plane');
    return harness.job(new PlaneSyncSource(new PlaneClient({ apiUrl: fake.url, apiKey: 'plane_api_key', workspace: 'agency' }, http)), identities);
  }

  it('logs the worklogs of projects linked to a client, page of projects by page, and skips internal projects', async () => {
    expect(await job().run()).toMatchObject({ outcome: 'succeeded', records: 4, cursor: '2026-05-22T03:00:00.000Z' });
    const logged = await harness.events('HoursLogged');
    expect(logged.map((event) => [(event.data as { entryId: string }).entryId, (event.data as { hours: number }).hours])).toEqual([
      ['plane:wl-1', 1.5],
      ['plane:wl-2', 0.5],
      ['plane:wl-3', 0.75],
    ]);
    expect(fake.server.requests.some((request) => request.path.includes('p-internal/total-worklogs'))).toBe(false);
  });

  it('corrects an edited worklog on the next run and reads nothing older than the cursor (the newest is read again, as a no-op)', async () => {
    await job().run();
    fake.worklogs.get('p-client')!.get('wi-1')![0] = worklog('wl-1', 120, '2026-05-23T09:00:00Z');

    expect(await job().run()).toMatchObject({ outcome: 'succeeded', records: 3, cursor: '2026-05-23T09:00:00.000Z' });
    const corrected = await harness.events('TimeEntryCorrected');
    expect(corrected.map((event) => [(event.data as { entryId: string }).entryId, (event.data as { hours: number }).hours])).toEqual([['plane:wl-1', 2]]);
    expect(await harness.events('HoursLogged')).toHaveLength(3);
  });

  it('fails the run, naming the refused worklog, when it was logged by someone who is no consultant', async () => {
    fake.addWorklog('p-client', 'wi-3', worklog('wl-4', 60, '2026-05-24T00:00:00Z', 'u-ghost'));
    expect(await job().run()).toMatchObject({
      outcome: 'failed',
      error: '1 record(s) refused: worklog wl-4: LogHours refused (consultant.unknown: Consultant plane:u-ghost is not registered)',
    });
  });

  it('fails the run with the answer of an edition without time tracking', async () => {
    fake.worklogsEnabled = false;
    expect(await job().run()).toMatchObject({ outcome: 'failed', error: 'plane answered 402: Time tracking is not available on your plan' });
  });
});
