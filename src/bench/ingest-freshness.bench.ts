import { percentile } from '../projections/shared/kpi-math';
import { conversationCreatedBody, signedChatwootDelivery } from './ingest-delivery.builder';
import { TicketVolumePoller } from './ingest-kpi-poller.bench';
import { sendPaced } from './ingest-paced-sender.bench';
import { benchClient, type RunningIngestServers } from './ingest-servers.bench';

/** One paced run: its rate, length, and where its conversation numbers start (runs on one app must not overlap). */
export interface FreshnessPlan {
  readonly perSecond: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  readonly firstConversation: number;
}

export interface FreshnessMeasurement {
  readonly plan: FreshnessPlan;
  readonly perSecond: number;
  readonly accepted: number;
  readonly failed: number;
  readonly sampled: number;
  /** Sampled deliveries the KPI had not counted when polling gave up: their waits count as lower bounds. */
  readonly neverSeen: number;
  readonly freshnessP50Ms: number;
  readonly freshnessP99Ms: number;
  readonly freshnessMaxMs: number;
  /** The poll's GraphQL round trip, answered while the same deliveries flow: freshness cannot be measured below it. */
  readonly pollP50Ms: number;
  readonly pollP99Ms: number;
  readonly polls: number;
  readonly deliveryP50Ms: number;
  readonly deliveryP99Ms: number;
  /** Deliveries sent ÷ the time from the first being sent to the last sampled one counted by the KPI: what the app carries end to end. */
  readonly throughToKpiPerSecond: number;
}

/** About 250 deliveries a second are followed to the KPI, every one at lower rates. */
const samplesPerSecond = 250;
const pollIntervalMs = Number(process.env.BENCH_INGEST_POLL_MS ?? 10);
const graceMs = Number(process.env.BENCH_INGEST_GRACE_MS ?? 60_000);
/** Freshness conversations open in May 2026, each in a second of its own. */
const openedFrom = Date.parse('2026-05-01T00:00:00Z') / 1000;

const quantiles = (values: readonly number[]) => ({ p50: percentile(values, 0.5) ?? Number.NaN, p99: percentile(values, 0.99) ?? Number.NaN, max: values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY) });

/**
 * Paced signed `conversation_created` deliveries (open loop, kept-alive connections) into the app
 * with its webhook worker and projections in the process; for a sample of them, the time from the
 * 2xx to `clientsSupportDashboard.ticketVolume` counting the new ticket.
 */
export async function measureFreshness(servers: RunningIngestServers, viewerKey: string, plan: FreshnessPlan): Promise<FreshnessMeasurement> {
  const { perSecond, seconds, warmUpSeconds, firstConversation } = plan;
  const warmUp = perSecond * warmUpSeconds;
  const count = perSecond * (warmUpSeconds + seconds);
  const sampleEvery = Math.max(1, Math.round(perSecond / samplesPerSecond));
  const poller = new TicketVolumePoller(`${servers.appUrl}/graphql`, viewerKey, pollIntervalMs);
  const openedAt = (index: number) => openedFrom + firstConversation + index;
  let accepted = 0;
  const started = performance.now();
  console.log(`  ${count.toLocaleString('en')} deliveries at ${perSecond.toLocaleString('en')}/s (${warmUpSeconds} s warm-up), 1 in ${sampleEvery} after it followed to the ticketVolume KPI, polled every ${pollIntervalMs} ms`);
  const sending = sendPaced({
    url: `${servers.appUrl}/webhooks/chatwoot`,
    perSecond,
    count,
    delivery: (index) =>
      signedChatwootDelivery(conversationCreatedBody({ id: firstConversation + index + 1, createdAt: openedAt(index), contactId: Number(benchClient.chatwootContactId) }), servers.secret),
    onAccepted: (index, at) => {
      accepted += 1;
      if (index >= warmUp && (index - warmUp) % sampleEvery === 0) poller.await(index, at, openedAt(index));
    },
  });
  const progress = setInterval(() => console.log(`    ${accepted.toLocaleString('en')} accepted; ${poller.freshnessMs.length.toLocaleString('en')} seen in the KPI, ${poller.awaiting} awaited`), 5_000);
  let unseenWaits: number[];
  try {
    unseenWaits = await poller.run(sending, graceMs);
  } finally {
    clearInterval(progress);
  }
  const sent = await sending;
  const freshness = quantiles([...poller.freshnessMs, ...unseenWaits]);
  const polls = quantiles(poller.roundTripsMs);
  const latencies = quantiles(sent.latenciesMs.slice(warmUp).filter((latency) => !Number.isNaN(latency)));
  const measurement: FreshnessMeasurement = {
    plan,
    perSecond: sent.perSecond,
    accepted: sent.accepted,
    failed: sent.failed,
    sampled: poller.freshnessMs.length + unseenWaits.length,
    neverSeen: unseenWaits.length,
    freshnessP50Ms: freshness.p50,
    freshnessP99Ms: freshness.p99,
    freshnessMaxMs: freshness.max,
    pollP50Ms: polls.p50,
    pollP99Ms: polls.p99,
    polls: poller.roundTripsMs.length,
    deliveryP50Ms: latencies.p50,
    deliveryP99Ms: latencies.p99,
    throughToKpiPerSecond: unseenWaits.length === 0 && poller.lastSeenAt !== null ? (count * 1000) / (poller.lastSeenAt - started) : Number.NaN,
  };
  report(measurement);
  return measurement;
}

function report(m: FreshnessMeasurement): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`    sent at ${Math.round(m.perSecond)}/s: ${m.accepted.toLocaleString('en')} accepted, ${m.failed} failed; delivery latency p50 ${ms(m.deliveryP50Ms)}, p99 ${ms(m.deliveryP99Ms)}`);
  console.log(`    freshness of ${m.sampled.toLocaleString('en')} sampled deliveries: p50 ${ms(m.freshnessP50Ms)}, p99 ${ms(m.freshnessP99Ms)}, max ${ms(m.freshnessMaxMs)}`);
  if (m.neverSeen > 0) console.log(`    ${m.neverSeen} not counted by the KPI ${graceMs / 1000} s after the last delivery: their waits so far are in the figures, as lower bounds`);
  if (!Number.isNaN(m.throughToKpiPerSecond)) {
    const seconds = (m.accepted / m.throughToKpiPerSecond).toFixed(1);
    console.log(`    ${Math.round(m.throughToKpiPerSecond)} deliveries/s end to end: ${m.accepted.toLocaleString('en')} sent, processed and counted by the KPI in ${seconds} s`);
  }
  console.log(`    ${m.polls.toLocaleString('en')} polls, GraphQL round trip p50 ${ms(m.pollP50Ms)}, p99 ${ms(m.pollP99Ms)}`);
}
