import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../testing/api-client';
import { ClientsSupportDashboardDocument, type ClientsSupportDashboardQuery } from '../__generated__/operations';
import { asViewer, byKey, march, seedHistory } from '../../testing/schema/dashboards.fixture';

describe('clientsSupportDashboard over HTTP', () => {
  let api: ApiClient;
  let dashboard: ClientsSupportDashboardQuery['clientsSupportDashboard'];
  beforeAll(async () => {
    api = await ApiClient.start();
    await seedHistory(api);
    ({ clientsSupportDashboard: dashboard } = await asViewer(api, ClientsSupportDashboardDocument, { period: march }));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts tickets opened in the period by channel, priority and client', () => {
    expect(dashboard.ticketVolume.value.opened).toBe(3);
    expect(byKey(dashboard.ticketVolume.value.byChannel)).toEqual({ EMAIL: 2, CHAT: 1 });
    expect(byKey(dashboard.ticketVolume.value.byPriority)).toEqual({ HIGH: 1, LOW: 1, MEDIUM: 1 });
    expect(byKey(dashboard.ticketVolume.value.byClient)).toEqual({ 'c-1': 1, 'c-2': 2 });
  });

  it('gives median and p90 minutes of first responses and resolutions that happened in the period', () => {
    // First responses 10, 30, 60 min; resolutions 120, 1,440 and 2,880 min (a February ticket resolved on 1 March).
    expect(dashboard.firstResponseTime.value).toEqual({ tickets: 3, medianMinutes: 30, p90Minutes: 30 + 0.8 * 30 });
    expect(dashboard.resolutionTime.value).toEqual({ tickets: 3, medianMinutes: 1_440, p90Minutes: 1_440 + 0.8 * 1_440 });
  });

  it('scores satisfaction, promoters and retention', () => {
    expect(dashboard.csat.value).toEqual({ rate: 2 / 3, satisfied: 2, ratings: 3 });
    expect(dashboard.nps.value).toEqual({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 });
    expect(dashboard.clientRetentionRate.value).toEqual({ rate: 2 / 3, activeAtStart: 3, retained: 2 });
  });
});
