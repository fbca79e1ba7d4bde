import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Exchange } from '../http/http-server';

/**
 * The process's Prometheus metrics, in a registry of its own (several apps may share a process in
 * tests). Names follow Prometheus conventions: `_total` counters, `_seconds` durations.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'zixly_http_requests_total',
    help: 'HTTP requests by route pattern, method and status (status "aborted" when the client went away first).',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'zixly_http_request_duration_seconds',
    help: 'Time from request to the end of the response, by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'zixly_commands_total',
    help: 'Commands through the command bus by type and outcome: appended, unchanged, replayed (idempotency key seen) or the error kind (rule, validation, conflict, not_found, upstream, error).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'zixly_command_duration_seconds',
    help: 'Time to read, decide and append one command, by type.',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'zixly_webhook_deliveries_total',
    help: 'Webhook delivery outcomes recorded in the log since this process started, by tool: received, processed, ignored, failed (an attempt), parked, rejected, conflict.',
    labelNames: ['tool', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly workflowRuns = new Counter({
    name: 'zixly_workflow_runs_total',
    help: 'Workflow run outcomes recorded in the log since this process started, by workflow: started, succeeded, failed, skipped, retried.',
    labelNames: ['workflow', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts and times a finished HTTP exchange (an `ExchangeObserver`). */
  readonly observeExchange = ({ request, response, route, durationSeconds }: Exchange): void => {
    const method = request.method ?? 'GET';
    const status = response.writableFinished ? String(response.statusCode) : 'aborted';
    this.httpRequests.inc({ route, method, status });
    this.httpDuration.observe({ route, method }, durationSeconds);
  };

  /** A gauge read on each scrape, e.g. the webhook worker's backlog. */
  gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}
