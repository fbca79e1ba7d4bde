import type { Delivery, IdentityLookup, Translator, WebhookTool } from '../delivery';
import type { IngestServices } from '../receiver/webhook.routes';
import { maxRetryDelayMs } from './retry-policy';
import { WebhookWorker } from './webhook-worker';

export interface IngestTranslation {
  readonly translators: Readonly<Record<WebhookTool, Translator>>;
  /** A fresh identity snapshot per attempt (e.g. `() => loadIdentityLookup(readStore)`). */
  readonly identities: (delivery?: Delivery) => Promise<IdentityLookup> | IdentityLookup;
  /** See `AttemptDeps.identitiesReached`. */
  readonly identitiesReached?: (position: bigint) => Promise<boolean>;
}

export interface IngestWorkerOptions {
  readonly random?: () => number;
  readonly concurrency?: number;
}

/** The worker that turns stored deliveries into commands, not started: its `reactor` runs among the processors. */
export function createIngestWorker(services: IngestServices, translation: IngestTranslation, options: IngestWorkerOptions = {}): WebhookWorker {
  const { maxAttempts, retryBaseMs, workerConcurrency } = services.config.webhooks;
  return new WebhookWorker({
    ...translation,
    store: services.eventStore,
    reads: services.readStore,
    commands: services.commands,
    clock: services.clock,
    policy: { maxAttempts, baseMs: retryBaseMs, capMs: maxRetryDelayMs, random: options.random ?? Math.random },
    concurrency: options.concurrency ?? workerConcurrency,
  });
}

/** Creates the worker and runs it by itself; stop it before closing the stores. */
export async function startIngestWorker(services: IngestServices, translation: IngestTranslation, options: IngestWorkerOptions = {}): Promise<WebhookWorker> {
  const worker = createIngestWorker(services, translation, options);
  await worker.start();
  return worker;
}
