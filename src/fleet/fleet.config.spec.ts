import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { mayRun } from './fleet.config';

describe('fleet configuration', () => {
  it('runs everything in one process without leases when PROCESSORS is unset', () => {
    const { fleet } = loadConfig({});
    expect(fleet).toEqual({ processors: null, leaseTtlMs: 10_000 });
    expect(mayRun(fleet, 'projection:invoices')).toBe(true);
  });

  it('runs nothing under PROCESSORS=none, everything under all, and the listed names and prefixes otherwise', () => {
    expect(mayRun(loadConfig({ PROCESSORS: 'none' }).fleet, 'workflows')).toBe(false);
    expect(mayRun(loadConfig({ PROCESSORS: 'all' }).fleet, 'sync:xero')).toBe(true);
    const listed = loadConfig({ PROCESSORS: 'projection:*, sync:xero', LEASE_TTL_MS: '3000' }).fleet;
    expect(listed).toEqual({ processors: ['projection:*', 'sync:xero'], leaseTtlMs: 3_000 });
    expect(['projection:invoices', 'sync:xero', 'sync:plane', 'webhook-worker', 'workflows'].filter((name) => mayRun(listed, name))).toEqual(['projection:invoices', 'sync:xero']);
  });

  it('names what is wrong with PROCESSORS or LEASE_TTL_MS', () => {
    expect(() => loadConfig({ PROCESSORS: 'projections' })).toThrow(/PROCESSORS must be all, none, or a comma-separated list/);
    expect(() => loadConfig({ LEASE_TTL_MS: '50' })).toThrow(/LEASE_TTL_MS/);
  });

  it('refuses a process that may run the workflows but not the SLA timers they read, which only such a process keeps', () => {
    expect(() => loadConfig({ PROCESSORS: 'workflows', WORKFLOWS_ENABLED: 'true' })).toThrow(/run the workflows but not projection:sla_timers/);
    expect(loadConfig({ PROCESSORS: 'workflows, projection:sla_timers', WORKFLOWS_ENABLED: 'true' }).fleet.processors).toEqual(['workflows', 'projection:sla_timers']);
    expect(loadConfig({ PROCESSORS: 'workflows', WORKFLOWS_ENABLED: 'false' }).workflows.enabled).toBe(false);
  });
});
