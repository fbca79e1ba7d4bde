import { secretEnv } from '../../testing/ingest/ingest.fixtures';
import { TestApi } from '../../testing/api-harness';
import { healthy, waitUntilSettled } from '../support/app-readiness';
import type { ReliabilityRow } from '../support/reliability-row';
import { graphqlCall } from '../support/graphql-call';
import { auditInbox } from '../support/ingest-audit';
import { divergingDocuments, rebuiltFromLog, snapshotReadModels } from '../support/read-model-snapshot';
import { keptProjections } from '../../projections';
import { sendDelivery } from '../support/webhook-sender';
import type { PlannedDelivery } from '../workload/workload.types';

/** Short enough that a dripping client is cut off within a test's time; the product's default is 30 s. */
export const testRequestTimeoutMs = 1_500;

/**
 * The composed app on a free port, attacked one request at a time. After each hostile request it
 * must still answer /healthz and acknowledge a real delivery (a canary): the process stays healthy
 * and keeps serving. Counts what was sent for the reliability table.
 */
export class HostileHarness {
  hostileRequests = 0;
  failedHealthChecks = 0;
  private readonly canaries: PlannedDelivery[] = [];
  private readonly unacknowledged: string[] = [];

  private constructor(readonly api: TestApi) {}

  static async start(env: Record<string, string> = {}): Promise<HostileHarness> {
    return new HostileHarness(await TestApi.start({ ...secretEnv(), HTTP_REQUEST_TIMEOUT_MS: String(testRequestTimeoutMs), ...env }));
  }

  get url(): string {
    return this.api.url;
  }

  /** A hostile request: counted, then answered however the product answers it. */
  async hostile<T>(send: () => Promise<T>): Promise<T> {
    this.hostileRequests++;
    return send();
  }

  /** /healthz and a GraphQL query answer, and a fresh, correctly signed delivery is acknowledged. */
  async stillServing(): Promise<void> {
    if (!(await healthy(this.url))) this.failedHealthChecks++;
    const answer = await graphqlCall(this.url, this.api.adminKey, '{ projections { nodes { name } } }').catch(() => null);
    if (answer?.status !== 200 || answer.errors) this.failedHealthChecks++;
    const id = 70_000 + this.canaries.length;
    const body = JSON.stringify({ event: { node: { id, path: `/ops/files/canary-${id}.txt` }, class: 'OCP\\Files\\Events\\Node\\NodeCreatedEvent' }, user: { uid: 'ops' }, time: 1_780_000_000 + id });
    const canary: PlannedDelivery = { label: `canary:${id}`, tool: 'nextcloud', body };
    this.canaries.push(canary);
    if ((await sendDelivery(this.url, canary)).kind !== 'acked') this.unacknowledged.push(canary.label);
  }

  /** Canaries not acknowledged or not stored once, and read models that differ from a rebuild. */
  async audit(): Promise<{ canaries: number; lost: string[]; duplicated: number; diverging: string[] }> {
    const { config, eventStore, readStore } = this.api.app.services;
    const kept = keptProjections(config.workflows);
    await waitUntilSettled(() => this.url, this.api.adminKey, 60_000);
    const inbox = await auditInbox(eventStore, this.canaries);
    const diverging = divergingDocuments(await snapshotReadModels(readStore, kept), await rebuiltFromLog(eventStore, kept));
    return { canaries: this.canaries.length, lost: [...this.unacknowledged, ...inbox.lost], duplicated: inbox.duplicated, diverging };
  }

  /** The scenario's report row: hostile requests plus canaries sent, a failed health check counted as lost. */
  rowOf(scenario: string, audit: Awaited<ReturnType<HostileHarness['audit']>>): ReliabilityRow {
    return {
      scenario,
      scale: `${this.hostileRequests} hostile requests`,
      requestsSent: this.hostileRequests + audit.canaries,
      acknowledged: audit.canaries - audit.lost.length,
      lost: audit.lost.length + this.failedHealthChecks,
      duplicated: audit.duplicated,
      diverging: audit.diverging.length,
    };
  }

  stop(): Promise<void> {
    return this.api.stop();
  }
}
