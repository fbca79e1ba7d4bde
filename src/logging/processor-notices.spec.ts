import { afterEach, describe, expect, it } from 'vitest';
import { captureLogs } from './logger';
import { logProjectionNotice, logReactorNotice } from './processor-notices';

describe('processor notices', () => {
  let logs: ReturnType<typeof captureLogs> | null = null;
  afterEach(() => logs?.restore());

  it('logs projections and reactors alike, as component processors named by processor', () => {
    logs = captureLogs('debug');

    logProjectionNotice({ kind: 'resumed', projection: 'invoices', after: 'read_store.disk_full' });
    logReactorNotice({ kind: 'reactor_gave_up', reactor: 'workflow:client-onboarding', eventId: 'e-1', eventType: 'ClientOnboarded', error: new Error('Plane answered 500') });
    logReactorNotice({ kind: 'reactor_retrying', reactor: 'webhook-worker', eventId: 'e-2', attempt: 2, error: new Error('disk full') });

    expect(logs.entries().map(({ level, component, processor, msg }) => ({ level, component, processor, msg }))).toEqual([
      { level: 'info', component: 'processors', processor: 'invoices', msg: 'projection invoices resumed' },
      { level: 'error', component: 'processors', processor: 'workflow:client-onboarding', msg: 'reactor workflow:client-onboarding gave up on ClientOnboarded e-1 and went on' },
      { level: 'warn', component: 'processors', processor: 'webhook-worker', msg: 'reactor webhook-worker failed on event e-2 (attempt 2); trying it again' },
    ]);
    expect(logs.entries()[1]).toMatchObject({ err: { message: 'Plane answered 500' }, eventType: 'ClientOnboarded' });
  });
});
