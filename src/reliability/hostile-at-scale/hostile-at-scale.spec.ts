import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlCall } from '../support/graphql-call';
import { reportRow } from '../support/reliability-row';
import { reliabilityScale } from '../support/reliability-scale';
import { HealthzSampler, type HealthzSamples, quantile } from './healthz-sampler';
import { startHostileTarget, type HostileTarget } from './hostile-target';
import type { Probe, ProbeClass, ProbeOutcome } from './probe';
import { discoverProbes } from './probe-discovery';

const classes: readonly ProbeClass[] = ['graphql', 'websocket', 'http', 'webhooks', 'domain-input', 'import', 'damaged-files'];
/** A probe still running after this long counts as blocked (failed). */
const probeGuardMs = 120_000;

interface Outcome {
  readonly probe: Probe;
  readonly outcome: ProbeOutcome;
  readonly startedAt: number;
  readonly endedAt: number;
}

async function runProbe(hostile: HostileTarget, probe: Probe): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<ProbeOutcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'failed', detail: `blocked: no outcome after ${probeGuardMs} ms` }), probeGuardMs)));
  try {
    const startedAt = Date.now();
    const outcome = await Promise.race([probe.run(hostile.target).catch((error: unknown): ProbeOutcome => ({ kind: 'failed', detail: `threw: ${String(error)}` })), guard]);
    return { probe, outcome, startedAt, endedAt: Date.now() };
  } finally {
    clearTimeout(timer);
  }
}

/** The probes during which /healthz answered slowest, for the reader of a slow run. */
function slowest(outcomes: readonly Outcome[], samples: HealthzSamples, count = 3): string {
  const worst = outcomes.map(({ probe, startedAt, endedAt }) => {
    const during = samples.latenciesMs.filter((_, index) => samples.sentAt[index]! >= startedAt && samples.sentAt[index]! <= endedAt);
    return { name: probe.name, ms: Math.max(0, ...during) };
  });
  return worst
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map(({ name, ms }) => `${name} (${ms.toFixed(0)} ms)`)
    .join('; ');
}

/** Alive, answering /healthz, and serving GraphQL with the run's ADMIN key. */
async function healthyAfter(hostile: HostileTarget): Promise<boolean> {
  if (hostile.app.pid === null) return false;
  try {
    const health = await fetch(`${hostile.target.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    const answer = await graphqlCall(hostile.target.url, hostile.target.keys.ADMIN, '{ projections { nodes { name } } }');
    return health.status === 200 && answer.status === 200 && !answer.errors;
  } catch {
    return false;
  }
}

/**
 * "Hostile at scale": every probe in ./probes (found at run time) against the composed app in a
 * child process, class by class, while a worker thread samples /healthz every 50 ms. A row per
 * class lands in the reliability table: requests sent = probes sent, acknowledged = answered
 * cleanly (refused or served within bounds), lost = failed probes (plus one when the process was
 * not healthy after the class), diverging = leaks across roles.
 */
describe('hostile at scale', () => {
  let hostile: HostileTarget;
  let probes: Probe[];
  const events = reliabilityScale() * 5;
  beforeAll(async () => {
    probes = await discoverProbes();
    hostile = await startHostileTarget(events);
  }, 180_000);
  afterAll(async () => {
    await hostile?.stop();
  });

  it('finds probes of known classes only, with unique names', () => {
    expect(probes.filter((probe) => !classes.includes(probe.class)).map((probe) => probe.name)).toEqual([]);
    const names = probes.map((probe) => `${probe.class}/${probe.name}`);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.for(classes)('%s probes: refused or served within bounds, no leak, the process healthy', { timeout: 900_000 }, async (probeClass, { task }) => {
    const mine = probes.filter((probe) => probe.class === probeClass);
    if (mine.length === 0) return;
    const sampler = new HealthzSampler(hostile.target.url);
    const outcomes: Outcome[] = [];
    for (const probe of mine) outcomes.push(await runProbe(hostile, probe));
    const samples = await sampler.stop();
    const healthy = (await healthyAfter(hostile)) && samples.unanswered === 0;
    const count = (kind: ProbeOutcome['kind']) => outcomes.filter(({ outcome }) => outcome.kind === kind).length;
    const p99 = quantile(samples.latenciesMs, 0.99);
    console.log(`hostile at scale, ${probeClass}: /healthz p99 ${p99.toFixed(0)} ms over ${samples.latenciesMs.length} samples; slowest during ${slowest(outcomes, samples)}`);
    reportRow(task, {
      scenario: `8. hostile at scale: ${probeClass}`,
      scale: `${mine.length} probes (${count('refused')} refused, ${count('served')} served), ${events} events; /healthz p99 ${p99.toFixed(0)} ms${healthy ? '' : ', UNHEALTHY'}`,
      requestsSent: mine.length,
      acknowledged: count('refused') + count('served'),
      lost: count('failed') + (healthy ? 0 : 1),
      duplicated: 0,
      diverging: count('leak'),
    });
    const problems = outcomes.filter(({ outcome }) => outcome.kind === 'failed' || outcome.kind === 'leak').map(({ probe, outcome }) => `${probe.name}: ${outcome.kind} — ${outcome.detail}`);
    expect(problems).toEqual([]);
    expect({ healthy, unansweredHealthz: samples.unanswered }).toEqual({ healthy: true, unansweredHealthz: 0 });
  });
});
