import type { CampaignChannel } from '../aggregates/campaign/campaign.events';
import { addWorkingDays, isWorkingDay, weekdayOf } from './business-calendar';
import { recordExpense } from './billing-expenses.generator';
import type { DemoCampaign, DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

const channels: ReadonlyArray<readonly [CampaignChannel, number]> = [
  ['email', 25],
  ['linkedin', 25],
  ['paid_search', 20],
  ['paid_social', 10],
  ['event', 10],
  ['content', 10],
];
/** Weekly spend per reference firm of five consultants, in cents. */
const weeklySpend: Record<CampaignChannel, readonly [number, number]> = {
  email: [10_000, 30_000],
  linkedin: [30_000, 90_000],
  paid_search: [40_000, 120_000],
  paid_social: [25_000, 75_000],
  event: [15_000, 40_000],
  content: [10_000, 35_000],
  other: [5_000, 20_000],
};
const themes = ['Automation audit', 'Dashboards in a week', 'CRM clean-up', 'Year-end reporting', 'AI for small business', 'Cloud cost review'];

/** A campaign every six weeks or so, with weekly spend and a final bill after it ends. */
export function planCampaignsDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('campaigns');
  for (const campaign of world.campaigns.filter((running) => running.endsOn === date)) endCampaign(world, random, campaign, date);
  if (date === world.startDate || random.chance(1 / 30)) launchCampaign(world, random, date);
  if (weekdayOf(date) !== 1) return;
  for (const campaign of world.campaigns) recordCost(world, random, campaign, date);
}

function launchCampaign(world: DemoWorld, random: SeededRandom, date: string): void {
  const channel = random.weighted(channels);
  const campaign: DemoCampaign = { id: world.nextId('cp', 3), channel, endsOn: addWorkingDays(date, random.int(20, 60)) };
  world.campaigns.push(campaign);
  const name = `${random.pick(themes)} — ${channel.replace('_', ' ')} ${date.slice(0, 7)}`;
  world.on(date, 8 * 60 + 45, (occurredAt) => ({ type: 'LaunchCampaign', occurredAt, data: { campaignId: campaign.id, name, channel } }));
  if (random.chance(0.5)) {
    const amountCents = Math.round(random.between(150_000, 600_000) * world.firm);
    recordExpense(world, { date, minute: 15 * 60, category: 'marketing', amountCents, description: 'Agency creative for the campaign', paidAtOnce: false, campaignId: campaign.id });
  }
}

/** Costs arrive after the launch (09:00 at the earliest), bills for ended campaigns too. */
function recordCost(world: DemoWorld, random: SeededRandom, campaign: DemoCampaign, date: string): void {
  const [min, max] = weeklySpend[campaign.channel];
  const amountCents = Math.max(100, Math.round(random.between(min, max) * world.firm));
  const costId = world.nextId('cc', 5);
  world.on(date, 10 * 60, (occurredAt) => ({ type: 'RecordCampaignCost', occurredAt, data: { campaignId: campaign.id, costId, amountCents, currency: 'AUD', incurredOn: date } }));
}

function endCampaign(world: DemoWorld, random: SeededRandom, campaign: DemoCampaign, date: string): void {
  world.campaigns = world.campaigns.filter((running) => running !== campaign);
  world.on(date, 17 * 60, (occurredAt) => ({ type: 'EndCampaign', occurredAt, data: { campaignId: campaign.id } }));
  recordCost(world, random, campaign, addWorkingDays(date, random.int(3, 10)));
}
