import { Gauge } from 'prom-client';
import type { Processors } from '../core/processors';
import type { ProjectionLag, ProjectionRunner } from '../core/projection-runner';
import type { AppMetrics } from './app-metrics';

/** Both lag gauges are collected in the same scrape: they share one reading of the log. */
function sharedReading(read: () => Promise<ProjectionLag[]>): () => Promise<ProjectionLag[]> {
  let reading: Promise<ProjectionLag[]> | null = null;
  return () => {
    if (!reading) {
      reading = read();
      const clear = () => setTimeout(() => (reading = null), 100).unref();
      reading.then(clear, clear);
    }
    return reading;
  };
}

/** Per-projection lag and failure gauges, read from the runner on each scrape. */
export function trackProjections(metrics: AppMetrics, runner: Pick<ProjectionRunner, 'lag' | 'status'>): void {
  const lag = sharedReading(() => runner.lag());
  const registers = [metrics.registry];
  new Gauge({
    name: 'zixly_projection_lag_events',
    help: 'Events of the log a projection has not applied yet (counting stops at 10,000).',
    labelNames: ['projection'] as const,
    registers,
    async collect() {
      for (const { name, eventsBehind } of await lag()) this.set({ projection: name }, eventsBehind);
    },
  });
  new Gauge({
    name: 'zixly_projection_lag_seconds',
    help: 'Age of the oldest event a projection has not applied yet.',
    labelNames: ['projection'] as const,
    registers,
    async collect() {
      for (const { name, secondsBehind } of await lag()) this.set({ projection: name }, secondsBehind);
    },
  });
  new Gauge({
    name: 'zixly_projection_failed',
    help: '1 when a projection stopped on an event it could not apply, else 0.',
    labelNames: ['projection'] as const,
    registers,
    collect() {
      for (const { name, failure } of runner.status()) this.set({ projection: name }, failure ? 1 : 0);
    },
  });
}

/** The reactors' lag and failure gauges (the projections have their own, above), read from the processors on each scrape. */
export function trackReactors(metrics: AppMetrics, processors: Pick<Processors, 'lag' | 'status'>): void {
  const registers = [metrics.registry];
  const reactors = async () => (await processors.status()).filter((status) => status.kind === 'reactor');
  new Gauge({
    name: 'zixly_reactor_lag_events',
    help: 'Events of the log a reactor (webhook worker, workflows, indexes, counters) has not handled yet (counting stops at 10,000).',
    labelNames: ['reactor'] as const,
    registers,
    async collect() {
      const names = new Set((await reactors()).map((status) => status.name));
      for (const { name, eventsBehind } of await processors.lag()) if (names.has(name)) this.set({ reactor: name }, eventsBehind);
    },
  });
  new Gauge({
    name: 'zixly_reactor_failing',
    help: '1 while a reactor retries an event that keeps failing, else 0.',
    labelNames: ['reactor'] as const,
    registers,
    async collect() {
      for (const { name, failure } of await reactors()) this.set({ reactor: name }, failure ? 1 : 0);
    },
  });
}
