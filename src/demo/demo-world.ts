import type { BillingPeriod, ClientTier } from '../aggregates/client/client.events';
import type { CampaignChannel } from '../aggregates/campaign/campaign.events';
import { addDays, instantOn, startOfDate } from './business-calendar';
import { type Happening, HappeningAgenda } from './happening-agenda';
import { SeededRandom } from './seeded-random';

export interface HistoryOptions {
  readonly seed: number;
  /** Consultants of the firm at scale 1 (default 5). */
  readonly consultants?: number;
  /** Length of the history (default 2). */
  readonly years?: number;
  /** First business date of the history, `YYYY-MM-DD` (default 2024-07-01). */
  readonly startDate?: string;
  /**
   * Grows the whole firm: `scale` times the consultants, clients, projects, leads and tickets
   * (default 1). Tool cadences (sync runs, scheduled workflows) stay as they are.
   */
  readonly scale?: number;
}

export interface DemoConsultant {
  readonly id: string;
  weeklyCapacityHours: number;
  costRateCents: number;
  billRateCents: number;
  /** Running projects the consultant is staffed on. */
  projects: DemoProject[];
  /** Hours of leave recorded for the day being planned. */
  offHoursToday: number;
  leaveDaysLeft: number;
}

export interface DemoRetainer {
  readonly id: string;
  amountCents: number;
  readonly billingPeriod: BillingPeriod;
  /** Annual retainers are invoiced once a year, on this date. */
  nextInvoiceOn: string;
}

export type PayerHabit = 'prompt' | 'slow' | 'late';

export interface DemoClient {
  readonly id: string;
  readonly name: string;
  tier: ClientTier;
  status: 'active' | 'offboarded';
  retainer: DemoRetainer | null;
  readonly payer: PayerHabit;
  /** The last day a lifecycle change was planned, so one client changes at most once a day. */
  lastChangeOn: string;
}

export interface DemoProject {
  readonly id: string;
  readonly clientId: string;
  readonly startedOn: string;
  /** The last day hours may be logged: the project completes or is cancelled that evening. */
  readonly endOn: string;
  readonly team: DemoConsultant[];
  readonly rateCents: number | null;
}

export interface DemoCampaign {
  readonly id: string;
  readonly channel: CampaignChannel;
  readonly endsOn: string;
}

/** The simulated firm: what each area needs to know about the others to stay consistent. */
export class DemoWorld {
  readonly agenda = new HappeningAgenda();
  readonly consultants: DemoConsultant[] = [];
  readonly clients: DemoClient[] = [];
  private readonly clientsById = new Map<string, DemoClient>();
  projects: DemoProject[] = [];
  campaigns: DemoCampaign[] = [];
  /** Failing runs still to come, per data source. */
  readonly syncOutages = new Map<string, number>();
  readonly teamSize: number;
  /** Size of the firm relative to the reference firm of 5 consultants. */
  readonly firm: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly endsAt: number;
  private readonly root: SeededRandom;
  private readonly randoms = new Map<string, SeededRandom>();
  private readonly counters = new Map<string, number>();

  constructor(options: HistoryOptions) {
    const consultants = options.consultants ?? 5;
    const scale = options.scale ?? 1;
    this.teamSize = Math.max(1, Math.round(consultants * scale));
    this.firm = (consultants * scale) / 5;
    this.startDate = options.startDate ?? '2024-07-01';
    this.endDate = addDays(this.startDate, Math.round((options.years ?? 2) * 365));
    this.endsAt = startOfDate(this.endDate);
    this.root = new SeededRandom(options.seed);
  }

  /** The random sequence of one area; see `SeededRandom.fork`. */
  random(area: string): SeededRandom {
    let random = this.randoms.get(area);
    if (!random) this.randoms.set(area, (random = this.root.fork(area)));
    return random;
  }

  nextId(prefix: string, digits = 4): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}-${String(next).padStart(digits, '0')}`;
  }

  /** Schedules a happening `minute` minutes after Brisbane midnight of `date`. */
  on(date: string, minute: number, happening: Happening): void {
    this.agenda.schedule(instantOn(date, minute), happening);
  }

  at(instant: number, happening: Happening): void {
    this.agenda.schedule(instant, happening);
  }

  addClient(client: DemoClient): void {
    this.clients.push(client);
    this.clientsById.set(client.id, client);
  }

  activeClients(): DemoClient[] {
    return this.clients.filter((client) => client.status === 'active');
  }

  client(id: string): DemoClient {
    const client = this.clientsById.get(id);
    if (!client) throw new RangeError(`No simulated client ${id}`);
    return client;
  }
}
