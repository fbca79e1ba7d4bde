import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { type BenchConversation, conversationCreatedBody, type SignedDelivery, signedChatwootDelivery } from './ingest-delivery.builder';
import { deliveryCounts, type Drain, waitForDrain } from './ingest-backlog.bench';
import { benchClient, type RunningIngestServers } from './ingest-servers.bench';

export interface ThroughputFigures {
  readonly acceptedPerSecond: number;
  /** How long the measured run took (autocannon may run a little past its duration). */
  readonly runSeconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly accepted: number;
  readonly refused: number;
  /** CPU of the server process (servers, webhook worker, projections) per accepted delivery. */
  readonly serverCpuMsPerDelivery: number;
}

/** What the app's run left for its webhook worker, and the rate it carried through to an outcome. */
export interface AppDrain extends Pick<Drain, 'backlog' | 'seconds'> {
  /** The measured run's duration. */
  readonly runSeconds: number;
  /** Deliveries settled from the start of the measured run until drained, per second of run and drain. */
  readonly endToEndPerSecond: number;
}

export interface ThroughputMeasurement {
  readonly app: ThroughputFigures;
  readonly appDrain: AppDrain;
  readonly bare: ThroughputFigures;
  /** The webhook routes on their own, without worker, projections and API in the process. */
  readonly receiverOnly: ThroughputFigures;
  /** Dedupe keys of every delivery the app answered 2xx, warm-up included. */
  readonly acknowledged: readonly string[];
}

/** The part of autocannon's API used here beyond `src/types/autocannon.d.ts`: per-request headers and bodies, answers by status. */
export type RequestContext = Record<string, unknown>;
interface RequestParams {
  readonly method?: 'POST';
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
export interface LoadRequest extends RequestParams {
  /** Called before each request of a connection; returns what to send. */
  readonly setupRequest: (request: RequestParams, context: RequestContext) => RequestParams;
  readonly onResponse: (status: number, body: string, context: RequestContext) => void;
}
export type LoadOptions = Omit<autocannon.Options, 'method' | 'body' | 'headers'> & { readonly requests: LoadRequest[] };
export type LoadResult = autocannon.Result & { readonly '2xx': number };
export const runLoad = autocannon as unknown as (options: LoadOptions) => Promise<LoadResult>;

const seconds = Number(process.env.BENCH_INGEST_SECONDS ?? 10);
const warmUpSeconds = 2;
const connections = 10;
/** Throughput conversations open in June 2026, one a second; the freshness run uses May. */
const openedFrom = Date.parse('2026-06-01T00:00:00Z') / 1000;

/**
 * Each request a new conversation (`conversation_created` of the shared sample, renumbered) signed
 * at send time; `acknowledged` collects the dedupe key of each 2xx answer.
 */
export function chatwootRequests(next: () => SignedDelivery, acknowledged: string[] | null): LoadRequest[] {
  return [
    {
      method: 'POST',
      path: '/webhooks/chatwoot',
      setupRequest: (request, context) => {
        const delivery = next();
        context.dedupeKey = delivery.dedupeKey;
        return { ...request, headers: delivery.headers, body: delivery.body };
      },
      onResponse: (status, _body, context) => {
        if (acknowledged && status >= 200 && status < 300) acknowledged.push(context.dedupeKey as string);
      },
    },
  ];
}

async function load(server: string, url: string, requests: LoadRequest[], cpuMs: () => Promise<number>, beforeRun = async () => {}): Promise<ThroughputFigures> {
  console.log(`  ${server}: ${connections} connections, ${seconds} s after a ${warmUpSeconds} s warm-up (load average ${loadavg()[0]!.toFixed(1)})`);
  await runLoad({ url, connections, duration: warmUpSeconds, requests });
  await beforeRun();
  const cpuBefore = await cpuMs();
  const result = await runLoad({ url, connections, duration: seconds, requests });
  const cpu = (await cpuMs()) - cpuBefore;
  const accepted = result['2xx'];
  const figures: ThroughputFigures = {
    acceptedPerSecond: accepted / result.duration,
    runSeconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    accepted,
    refused: result.non2xx,
    serverCpuMsPerDelivery: cpu / accepted,
  };
  const failures = result.non2xx + result.errors + result.timeouts;
  console.log(
    `    ${Math.round(figures.acceptedPerSecond)} accepted/s (${accepted.toLocaleString('en')} in ${result.duration.toFixed(1)} s), latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${result.latency.max} ms; ` +
      `server CPU ${figures.serverCpuMsPerDelivery.toFixed(3)} ms per delivery${failures > 0 ? `; ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts` : ''}`,
  );
  return figures;
}

/**
 * Accepted deliveries per second and latency, same autocannon settings on the bare receiver (the
 * baseline), the webhook routes alone, both while the app is idle, then the app's `/webhooks/chatwoot`.
 */
export async function measureThroughput(servers: RunningIngestServers): Promise<ThroughputMeasurement> {
  let conversation = 0;
  const next = (): SignedDelivery => {
    conversation += 1;
    const opened: BenchConversation = { id: 1_000_000 + conversation, createdAt: openedFrom + conversation, contactId: Number(benchClient.chatwootContactId) };
    return signedChatwootDelivery(conversationCreatedBody(opened), servers.secret);
  };
  const acknowledged: string[] = [];
  const bare = await load('bare node:http (read the body, answer 202)', servers.bareUrl, chatwootRequests(next, null), servers.cpuMs);
  const receiverOnly = await load('webhook routes alone, own store (verify, store, answer 202)', servers.receiverOnlyUrl, chatwootRequests(next, null), servers.cpuMs);
  let settledAtStart = 0;
  const noteSettled = async () => {
    settledAtStart = (await deliveryCounts(servers.appUrl)).settled;
  };
  const app = await load('app POST /webhooks/chatwoot (verify, store, answer 202)', servers.appUrl, chatwootRequests(next, acknowledged), servers.cpuMs, noteSettled);
  return { app, appDrain: await drainOf(servers.appUrl, acknowledged.length, settledAtStart, app.runSeconds), bare, receiverOnly, acknowledged };
}

/** Waits for the app's worker to settle every delivery the run left; the rate counts run and drain. */
async function drainOf(appUrl: string, acknowledged: number, settledAtStart: number, runSeconds: number): Promise<AppDrain> {
  const { backlog, seconds: drainSeconds, counts } = await waitForDrain(appUrl, acknowledged);
  const endToEndPerSecond = (counts.settled - settledAtStart) / (runSeconds + drainSeconds);
  console.log(`    backlog at the end of the run: ${backlog.toLocaleString('en')} deliveries, settled ${drainSeconds.toFixed(1)} s later; ${Math.round(endToEndPerSecond)} deliveries/s carried to an outcome over run and drain`);
  return { backlog, seconds: drainSeconds, runSeconds, endToEndPerSecond };
}
