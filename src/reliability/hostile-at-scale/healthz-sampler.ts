import { Worker } from 'node:worker_threads';

/** What the sampler saw: answers in ms, and how many samples got no 200 within 5 s. */
export interface HealthzSamples {
  readonly latenciesMs: readonly number[];
  /** When each answered sample was sent (epoch ms), for attributing slow answers to a probe. */
  readonly sentAt: readonly number[];
  readonly unanswered: number;
}

// A worker thread has its own event loop: the probes' work in this process (95 MiB buffers,
// hundreds of sockets) cannot delay a sample and make the server look slow.
const samplerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const latencies = [];
const sentAt = [];
let unanswered = 0;
parentPort.on('message', () => { running = false; });
(async () => {
  // Unmeasured: the first fetch loads the HTTP client into this thread.
  await fetch(workerData.url).then((response) => response.arrayBuffer()).catch(() => undefined);
  while (running) {
    const started = performance.now();
    const sent = Date.now();
    try {
      const response = await fetch(workerData.url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) { latencies.push(performance.now() - started); sentAt.push(sent); } else unanswered++;
    } catch { unanswered++; }
    const wait = workerData.everyMs - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  parentPort.postMessage({ latenciesMs: latencies, sentAt, unanswered });
})();
`;

/** GET /healthz every `everyMs` until stopped. */
export class HealthzSampler {
  private readonly worker: Worker;
  private readonly result: Promise<HealthzSamples>;

  constructor(baseUrl: string, everyMs = 50) {
    this.worker = new Worker(samplerSource, { eval: true, workerData: { url: `${baseUrl}/healthz`, everyMs } });
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', (samples: HealthzSamples) => resolve(samples));
      this.worker.once('error', reject);
    });
  }

  async stop(): Promise<HealthzSamples> {
    this.worker.postMessage('stop');
    const samples = await this.result;
    await this.worker.terminate();
    return samples;
  }
}

/** The `fraction` quantile (0.99 for p99) of `values`, nearest rank; 0 for no values. */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
