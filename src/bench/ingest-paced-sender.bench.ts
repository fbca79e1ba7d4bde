import { Agent, request } from 'node:http';
import type { SignedDelivery } from './ingest-delivery.builder';

/** Kept-alive connections, as a tool's webhook sender or a dashboard would hold them. */
export const keptAlive = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  readonly status: number;
  readonly text: string;
  /** `performance.now()` when the status line arrived. */
  readonly statusAt: number;
}

/** One POST on the kept-alive agent; resolves with the whole answer. */
export function post(url: string, headers: Record<string, string>, body: string, retried = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sending = request(url, { method: 'POST', agent: keptAlive, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const statusAt = performance.now();
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), statusAt }));
      response.on('error', reject);
    });
    sending.on('error', (error: NodeJS.ErrnoException) => {
      // The server closed an idle kept-alive connection as it was reused: send once more, as node's
      // documentation advises (deliveries carry their id, so a copy that did arrive is a duplicate).
      if (!retried && sending.reusedSocket && error.code === 'ECONNRESET') resolve(post(url, headers, body, true));
      else reject(error);
    });
    sending.end(body);
  });
}

export interface PacedRun {
  readonly url: string;
  readonly perSecond: number;
  readonly count: number;
  /** The `index`-th delivery, signed when it is due. */
  readonly delivery: (index: number) => SignedDelivery;
  /** Called as each 2xx status line arrives, before the body is read. */
  readonly onAccepted: (index: number, at: number) => void;
}

export interface PacedFigures {
  readonly sent: number;
  readonly accepted: number;
  readonly failed: number;
  /** Deliveries sent per second, over the time it took to send them all. */
  readonly perSecond: number;
  /**
   * By delivery index (NaN when it failed): from when each was due, not when it left, so a late
   * sender cannot hide a slow server.
   */
  readonly latenciesMs: number[];
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * Open loop: the i-th delivery is due at i / perSecond whatever the answers, sent on a pool of
 * kept-alive connections; a slow server gets more requests in flight, not fewer.
 */
export async function sendPaced(run: PacedRun): Promise<PacedFigures> {
  const latenciesMs: number[] = new Array<number>(run.count).fill(Number.NaN);
  const inFlight = new Set<Promise<void>>();
  let accepted = 0;
  let failed = 0;
  const started = performance.now();
  const dueAt = (index: number) => started + (index * 1000) / run.perSecond;
  const send = (index: number) => {
    const { headers, body } = run.delivery(index);
    const sent = post(run.url, headers, body).then(
      (answer) => {
        latenciesMs[index] = answer.statusAt - dueAt(index);
        if (answer.status < 200 || answer.status >= 300) return void (failed += 1);
        accepted += 1;
        run.onAccepted(index, answer.statusAt);
      },
      () => void (failed += 1),
    );
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  };
  let next = 0;
  while (next < run.count) {
    const due = Math.min(run.count, Math.floor(((performance.now() - started) * run.perSecond) / 1000) + 1);
    while (next < due) send(next++);
    await tick();
  }
  const sendingMs = performance.now() - started;
  await Promise.all(inFlight);
  return { sent: next, accepted, failed, perSecond: (run.count * 1000) / sendingMs, latenciesMs };
}
