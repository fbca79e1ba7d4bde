import { type ConfigValue, wholeNumber } from '../config-values';

/**
 * Which processors a process runs when several share the stores. Unset `PROCESSORS` keeps the
 * single-process mode: everything runs here, without leases. Set, every processor this process may
 * run (`all`, `none`, or names and `prefix:*` patterns, comma-separated) runs under a lease, so
 * each runs in at most one process of the fleet at a time.
 */
export interface FleetConfig {
  /** Null: single process, no leases. */
  readonly processors: 'all' | readonly string[] | null;
  /** `LEASE_TTL_MS`: a dead holder's processors are taken over within this (plus a third of it). */
  readonly leaseTtlMs: number;
}

const processorPattern = /^(projection|sync):(\*|[a-z][a-z0-9_]*)$|^(webhook-worker|workflows)$/;

export function readFleetConfig(value: ConfigValue, problems: string[]): FleetConfig {
  const leaseTtlMs = wholeNumber(value, 'LEASE_TTL_MS', 10_000, 300, 600_000, problems);
  const raw = value('PROCESSORS');
  if (raw === undefined) return { processors: null, leaseTtlMs };
  if (raw === 'all') return { processors: 'all', leaseTtlMs };
  if (raw === 'none') return { processors: [], leaseTtlMs };
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const invalid = names.filter((name) => !processorPattern.test(name));
  if (invalid.length > 0 || names.length === 0) {
    problems.push(`PROCESSORS must be all, none, or a comma-separated list of projection:<name>, projection:*, sync:<tool>, sync:*, webhook-worker, workflows; got "${raw}"`);
  }
  return { processors: names, leaseTtlMs };
}

/** Whether this process may run the processor `name` (always in the single-process mode). */
export function mayRun(config: FleetConfig, name: string): boolean {
  const { processors } = config;
  if (processors === null || processors === 'all') return true;
  return processors.some((pattern) => pattern === name || (pattern.endsWith(':*') && name.startsWith(pattern.slice(0, -1))));
}
