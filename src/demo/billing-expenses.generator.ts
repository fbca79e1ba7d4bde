import type { ExpenseCategory } from '../aggregates/expense/expense.events';
import { addDays, isWorkingDay, workingDayFrom } from './business-calendar';
import type { DemoWorld } from './demo-world';

export interface ExpenseSpec {
  readonly date: string;
  readonly minute: number;
  readonly category: ExpenseCategory;
  readonly amountCents: number;
  readonly description: string;
  /** Paid by card when incurred; otherwise a bill paid a week or more later. */
  readonly paidAtOnce: boolean;
  readonly clientId?: string;
  readonly projectId?: string;
  readonly campaignId?: string;
}

/** Monthly subscriptions: cents per seat (a consultant) or per reference firm of five. */
const subscriptions: ReadonlyArray<{ vendor: string; category: ExpenseCategory; perSeat?: number; perFirm?: number }> = [
  { vendor: 'Google Workspace', category: 'tools', perSeat: 2_300 },
  { vendor: 'Slack', category: 'tools', perSeat: 1_250 },
  { vendor: 'Harvest', category: 'tools', perSeat: 1_800 },
  { vendor: 'Notion', category: 'tools', perSeat: 1_500 },
  { vendor: 'HubSpot', category: 'tools', perFirm: 120_000 },
  { vendor: 'Xero', category: 'tools', perFirm: 7_000 },
  { vendor: 'AWS', category: 'infrastructure', perFirm: 45_000 },
  { vendor: 'Vercel', category: 'infrastructure', perFirm: 3_000 },
  { vendor: 'Auth0', category: 'oauth_services', perFirm: 35_000 },
  { vendor: 'Google Cloud APIs', category: 'oauth_services', perFirm: 9_000 },
];

export function planExpensesDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('expenses');
  if (date === workingDayFrom(`${date.slice(0, 8)}01`)) {
    subscriptions.forEach(({ vendor, category, perSeat, perFirm }, index) => {
      const amountCents = Math.max(100, Math.round(perSeat ? perSeat * world.teamSize : perFirm! * world.firm * random.between(0.9, 1.1)));
      recordExpense(world, { date, minute: 8 * 60 + 30 + index, category, amountCents, description: `${vendor} subscription`, paidAtOnce: true });
    });
  }
  const project = world.projects.length > 0 && random.chance(0.02 * world.firm) ? random.pick(world.projects) : null;
  if (project) {
    const amountCents = Math.round(random.between(150_000, 800_000));
    recordExpense(world, { date, minute: 14 * 60, category: 'contractors', amountCents, description: 'Specialist contractor', paidAtOnce: false, clientId: project.clientId, projectId: project.id });
  }
  for (let count = random.count(0.05 * world.firm); count > 0; count--) {
    const amountCents = Math.round(random.between(5_000, 80_000));
    recordExpense(world, { date, minute: random.int(9 * 60, 17 * 60), category: 'other', amountCents, description: random.pick(['Travel', 'Client lunch', 'Office supplies', 'Training']), paidAtOnce: true });
  }
  if (random.chance(0.01 * world.firm)) {
    const amountCents = Math.round(random.between(50_000, 300_000));
    recordExpense(world, { date, minute: 15 * 60, category: 'marketing', amountCents, description: 'Local business awards sponsorship', paidAtOnce: false });
  }
}

export function recordExpense(world: DemoWorld, spec: ExpenseSpec): void {
  const random = world.random('expenses');
  const expenseId = world.nextId('ex', 5);
  const { date: incurredOn, category, amountCents, description } = spec;
  const links = { clientId: spec.clientId ?? null, projectId: spec.projectId ?? null, campaignId: spec.campaignId ?? null };
  world.on(incurredOn, spec.minute, (occurredAt) => ({
    type: 'RecordExpense',
    occurredAt,
    data: { expenseId, category, amountCents, currency: 'AUD', incurredOn, paidOn: spec.paidAtOnce ? incurredOn : null, ...links, description },
  }));
  if (spec.paidAtOnce) return;
  const paidOn = workingDayFrom(addDays(incurredOn, random.int(7, 30)));
  world.on(paidOn, 11 * 60, (occurredAt) => ({ type: 'MarkExpensePaid', occurredAt, data: { expenseId, paidOn } }));
}
