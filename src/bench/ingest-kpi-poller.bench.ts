import { post } from './ingest-paced-sender.bench';

/** A delivery answered 2xx whose ticket the KPI does not show yet. */
interface Unseen {
  readonly acceptedAt: number;
  /** Unix second the conversation was opened: the one-second period whose ticket volume it changes. */
  readonly openedSecond: number;
}

/**
 * Poll documents come in a few sizes (padded), so the server parses and validates each size once.
 * Only the oldest awaited deliveries are asked about: the worker takes deliveries in arrival order,
 * and asking about hundreds at once would load the server being measured.
 */
// Eight dashboards fit the API's complexity limit (about 500 each against 5,000).
const slotSizes = [1, 4, 8] as const;
const maxSlots = slotSizes[slotSizes.length - 1];
const emptyPeriod = { from: '2000-01-01T00:00:00Z', to: '2000-01-01T00:00:01Z' };
const isoOf = (second: number) => new Date(second * 1000).toISOString();

function pollDocument(slots: number): string {
  const indexes = Array.from({ length: slots }, (_, slot) => slot);
  const variables = indexes.map((slot) => `$p${slot}: PeriodInput!`).join(', ');
  const fields = indexes.map((slot) => `d${slot}: clientsSupportDashboard(period: $p${slot}) { ticketVolume { value { opened } } }`).join(' ');
  return `query BenchTicketVolume(${variables}) { ${fields} }`;
}
const documents = new Map(slotSizes.map((slots) => [slots, pollDocument(slots)]));

type PollData = Record<string, { ticketVolume: { value: { opened: number } } }>;

/**
 * Asks the `clientsSupportDashboard` for `ticketVolume` — the KPI a new conversation changes — over
 * the one-second period each awaited conversation was opened in (each has a second of its own), one
 * request at a time, at most every `intervalMs`. A delivery's freshness is the arrival of the first
 * answer, to a request sent after its 2xx, that counts its ticket, minus that 2xx: an upper bound,
 * by up to one interval and one round trip.
 */
export class TicketVolumePoller {
  private readonly unseen = new Map<number, Unseen>();
  readonly freshnessMs: number[] = [];
  readonly roundTripsMs: number[] = [];
  /** When the last answer that counted an awaited ticket arrived (`performance.now()`). */
  lastSeenAt: number | null = null;

  constructor(
    private readonly graphqlUrl: string,
    private readonly key: string,
    private readonly intervalMs: number,
  ) {}

  /** Deliveries answered 2xx whose ticket no answer has counted yet. */
  get awaiting(): number {
    return this.unseen.size;
  }

  await(index: number, acceptedAt: number, openedSecond: number): void {
    this.unseen.set(index, { acceptedAt, openedSecond });
  }

  /**
   * Polls until `sending` has settled and every awaited ticket was seen, or `graceMs` after that.
   * Returns, for each delivery never seen, how long it had waited when polling stopped: a lower
   * bound of its freshness.
   */
  async run(sending: Promise<unknown>, graceMs: number): Promise<number[]> {
    let sendingDoneAt: number | null = null;
    void sending.finally(() => (sendingDoneAt = performance.now()));
    while (sendingDoneAt === null || (this.unseen.size > 0 && performance.now() - sendingDoneAt < graceMs)) {
      const started = performance.now();
      if (this.unseen.size > 0) await this.poll();
      const rest = started + this.intervalMs - performance.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, rest)));
    }
    const stoppedAt = performance.now();
    return [...this.unseen.values()].map(({ acceptedAt }) => stoppedAt - acceptedAt);
  }

  private async poll(): Promise<void> {
    const awaited = [...this.unseen.entries()].slice(0, maxSlots);
    const slots = slotSizes.find((size) => size >= awaited.length)!;
    const periods = Array.from({ length: slots }, (_, slot) => {
      const entry = awaited[slot];
      return entry ? { from: isoOf(entry[1].openedSecond), to: isoOf(entry[1].openedSecond + 1) } : emptyPeriod;
    });
    const variables = Object.fromEntries(periods.map((period, slot) => [`p${slot}`, period]));
    const sentAt = performance.now();
    const answer = await post(this.graphqlUrl, { 'content-type': 'application/json', authorization: `Bearer ${this.key}` }, JSON.stringify({ query: documents.get(slots), variables }));
    const { data, errors } = JSON.parse(answer.text) as { data?: PollData; errors?: unknown[] };
    const answeredAt = performance.now();
    if (answer.status !== 200 || errors || !data) throw new Error(`The ticket volume poll failed (${answer.status}): ${answer.text.slice(0, 500)}`);
    this.roundTripsMs.push(answeredAt - sentAt);
    awaited.forEach(([index, { acceptedAt }], slot) => {
      if (data[`d${slot}`]!.ticketVolume.value.opened === 0) return;
      this.freshnessMs.push(answeredAt - acceptedAt);
      this.unseen.delete(index);
      this.lastSeenAt = answeredAt;
    });
  }
}
