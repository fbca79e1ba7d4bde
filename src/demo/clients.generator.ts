import type { BillingPeriod, ClientTier } from '../aggregates/client/client.events';
import { addDays, isWorkingDay } from './business-calendar';
import type { DemoClient, DemoWorld, PayerHabit } from './demo-world';
import type { SeededRandom } from './seeded-random';

export const tiers: readonly ClientTier[] = ['STARTER', 'PROFESSIONAL', 'ENTERPRISE'];
const tierMix: ReadonlyArray<readonly [ClientTier, number]> = [['STARTER', 50], ['PROFESSIONAL', 35], ['ENTERPRISE', 15]];
/**
 * Monthly retainer ranges in cents: support and managed services on top of project work, sized
 * so that a five-consultant firm bills about A$55k a month in retainers.
 */
const retainerRange: Record<ClientTier, readonly [number, number]> = {
  STARTER: [50_000, 120_000],
  PROFESSIONAL: [150_000, 350_000],
  ENTERPRISE: [500_000, 1_000_000],
};
const prefixes = ['Harbour', 'Summit', 'Coral', 'Ironbark', 'Banksia', 'Riverbend', 'Southern', 'Bluewater', 'Granite', 'Wattle', 'Meridian', 'Moreton', 'Cedar', 'Brigalow'];
const suffixes = ['Analytics', 'Logistics', 'Health', 'Legal', 'Dental', 'Engineering', 'Realty', 'Accounting', 'Foods', 'Fitness', 'Architects', 'Freight'];
const industries = ['professional_services', 'healthcare', 'construction', 'retail', 'logistics', 'hospitality', 'education', 'real_estate', 'manufacturing'];
/** Yearly chances per client; one working day is 1/250 of a year. */
const yearly = { churn: 0.12, upgrade: 0.1, downgrade: 0.05, expansion: 0.15, contraction: 0.08, pause: 0.03, resume: 2, reactivation: 0.5 };

export interface NewClientPlan {
  readonly tier: ClientTier;
  readonly amountCents: number;
  readonly billingPeriod: BillingPeriod;
}

/** A new client's package; larger clients more often pay a discounted annual retainer. */
export function planNewClient(random: SeededRandom): NewClientPlan {
  const tier = random.weighted(tierMix);
  const monthly = monthlyAmount(random, tier);
  const annual = tier !== 'STARTER' && random.chance(0.25);
  return annual ? { tier, amountCents: roundDollars(monthly * 12 * 0.9), billingPeriod: 'ANNUAL' } : { tier, amountCents: monthly, billingPeriod: 'MONTHLY' };
}

/** Yearly value of a package, what a sales rep puts on the won deal. */
export function yearlyValueCents(plan: NewClientPlan): number {
  return plan.billingPeriod === 'ANNUAL' ? plan.amountCents : plan.amountCents * 12;
}

/** The firm's book when the history starts, entered on its first morning. */
export function seedInitialBook(world: DemoWorld): void {
  const random = world.random('clients');
  const count = Math.max(2, Math.round(22 * world.firm));
  for (let index = 0; index < count; index++) onboardClient(world, world.startDate, 8 * 60 + 15 + index * 2, planNewClient(random), null);
}

/** Onboards at `minute` of `date`; the retainer starts five minutes later. Returns the client id. */
export function onboardClient(world: DemoWorld, date: string, minute: number, plan: NewClientPlan, source: { leadId: string; campaignId: string | null } | null): string {
  const random = world.random('clients');
  const name = `${random.pick(prefixes)} ${random.pick(suffixes)}`;
  const id = world.nextId('cl');
  const payer = random.weighted<PayerHabit>([['prompt', 70], ['slow', 20], ['late', 10]]);
  const industry = random.pick(industries);
  world.on(date, minute, (occurredAt) => {
    world.addClient({ id, name, tier: plan.tier, status: 'active', retainer: null, payer, lastChangeOn: date });
    world.on(date, minute + 5, (at) => startRetainer(world, world.client(id), date, plan, at));
    const contactEmail = `accounts@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    const sources = { sourceLeadId: source?.leadId ?? null, sourceCampaignId: source?.campaignId ?? null };
    return { type: 'OnboardClient', occurredAt, data: { clientId: id, name, tier: plan.tier, industry, ...sources, contactEmail, currency: 'AUD' } };
  });
  return id;
}

/** Upgrades, downgrades, churn, pauses and reactivations, each client at most once a day. */
export function planClientsDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('clients');
  for (const client of world.clients) {
    if (client.lastChangeOn === date) continue;
    const minute = random.int(13 * 60, 16 * 60);
    const changed = client.status === 'active' ? planActiveClient(world, random, client, date, minute) : planReactivation(world, random, client, date, minute);
    if (changed) client.lastChangeOn = date;
  }
}

function planActiveClient(world: DemoWorld, random: SeededRandom, client: DemoClient, date: string, minute: number): boolean {
  const roll = random.next() * 250;
  let threshold = 0;
  const next = (chance: number) => roll < (threshold += chance);
  const tierIndex = tiers.indexOf(client.tier);
  if (next(yearly.churn)) return offboard(world, random, client, date, minute);
  if (next(yearly.upgrade) && tierIndex < 2) return changeTier(world, random, client, date, minute, tiers[tierIndex + 1]!);
  if (next(yearly.downgrade) && tierIndex > 0) return changeTier(world, random, client, date, minute, tiers[tierIndex - 1]!);
  if (!client.retainer) return next(yearly.resume) && resumeRetainer(world, random, client, date, minute);
  if (next(yearly.expansion)) return resize(world, client, date, minute, random.between(1.1, 1.25));
  if (next(yearly.contraction)) return resize(world, client, date, minute, random.between(0.75, 0.9));
  if (next(yearly.pause)) return pauseRetainer(world, client, date, minute);
  return false;
}

function offboard(world: DemoWorld, random: SeededRandom, client: DemoClient, date: string, minute: number): boolean {
  const reason = random.pick(['budget cuts', 'moved work in-house', 'acquired by a competitor', 'unhappy with response times', 'business closed']);
  client.status = 'offboarded';
  client.retainer = null;
  world.on(date, minute, (occurredAt) => ({ type: 'OffboardClient', occurredAt, data: { clientId: client.id, reason } }));
  return true;
}

function planReactivation(world: DemoWorld, random: SeededRandom, client: DemoClient, date: string, minute: number): boolean {
  if (!(random.next() * 250 < yearly.reactivation)) return false;
  client.status = 'active';
  world.on(date, minute, (occurredAt) => ({ type: 'ReactivateClient', occurredAt, data: { clientId: client.id } }));
  const plan: NewClientPlan = { tier: client.tier, amountCents: monthlyAmount(random, client.tier), billingPeriod: 'MONTHLY' };
  world.on(date, minute + 3, (occurredAt) => startRetainer(world, client, date, plan, occurredAt));
  return true;
}

/** A tier change comes with a new retainer amount in the new tier's range (or a first retainer). */
function changeTier(world: DemoWorld, random: SeededRandom, client: DemoClient, date: string, minute: number, tier: ClientTier): boolean {
  client.tier = tier;
  world.on(date, minute, (occurredAt) => ({ type: 'ChangeClientTier', occurredAt, data: { clientId: client.id, tier } }));
  const monthly = monthlyAmount(random, tier);
  const retainer = client.retainer;
  if (!retainer) {
    world.on(date, minute + 2, (occurredAt) => startRetainer(world, client, date, { tier, amountCents: monthly, billingPeriod: 'MONTHLY' }, occurredAt));
    return true;
  }
  const amountCents = retainer.billingPeriod === 'ANNUAL' ? roundDollars(monthly * 12 * 0.9) : monthly;
  if (amountCents !== retainer.amountCents) setAmount(world, client, date, minute + 2, amountCents);
  return true;
}

function resize(world: DemoWorld, client: DemoClient, date: string, minute: number, factor: number): boolean {
  const amountCents = roundDollars(client.retainer!.amountCents * factor);
  if (amountCents === client.retainer!.amountCents) return false;
  setAmount(world, client, date, minute, amountCents);
  return true;
}

function setAmount(world: DemoWorld, client: DemoClient, date: string, minute: number, amountCents: number): void {
  const retainer = client.retainer!;
  retainer.amountCents = amountCents;
  world.on(date, minute, (occurredAt) => ({ type: 'ChangeRetainerAmount', occurredAt, data: { clientId: client.id, retainerId: retainer.id, amountCents, currency: 'AUD' } }));
}

function pauseRetainer(world: DemoWorld, client: DemoClient, date: string, minute: number): boolean {
  const retainerId = client.retainer!.id;
  client.retainer = null;
  world.on(date, minute, (occurredAt) => ({ type: 'CancelRetainer', occurredAt, data: { clientId: client.id, retainerId, reason: 'paused while the client re-plans its budget' } }));
  return true;
}

function resumeRetainer(world: DemoWorld, random: SeededRandom, client: DemoClient, date: string, minute: number): boolean {
  const plan: NewClientPlan = { tier: client.tier, amountCents: monthlyAmount(random, client.tier), billingPeriod: 'MONTHLY' };
  world.on(date, minute, (occurredAt) => startRetainer(world, client, date, plan, occurredAt));
  return true;
}

/** Sets the world's retainer when the command happens, so billing only sees started retainers. */
function startRetainer(world: DemoWorld, client: DemoClient, date: string, plan: NewClientPlan, occurredAt: string) {
  const retainerId = world.nextId('rt');
  const nextInvoiceOn = plan.billingPeriod === 'ANNUAL' ? addDays(date, 1) : date;
  client.retainer = { id: retainerId, amountCents: plan.amountCents, billingPeriod: plan.billingPeriod, nextInvoiceOn };
  const { amountCents, billingPeriod } = plan;
  return { type: 'StartRetainer' as const, occurredAt, data: { clientId: client.id, retainerId, amountCents, currency: 'AUD', billingPeriod } };
}

function monthlyAmount(random: SeededRandom, tier: ClientTier): number {
  const [min, max] = retainerRange[tier];
  return Math.round(random.between(min, max) / 10_000) * 10_000;
}

/** Whole dollars, as packages are priced. */
function roundDollars(cents: number): number {
  return Math.round(cents / 100) * 100;
}
