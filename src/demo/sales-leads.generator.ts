import type { CampaignChannel } from '../aggregates/campaign/campaign.events';
import type { LeadSource, LeadStage } from '../aggregates/lead/lead.events';
import { addBusinessMinutes, addWorkingDays, dateOf, instantOn, isWorkingDay } from './business-calendar';
import { onboardClient, planNewClient, yearlyValueCents, type NewClientPlan } from './clients.generator';
import { startProject } from './delivery-projects.generator';
import type { DemoCampaign, DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

const sourceOfChannel: Record<CampaignChannel, LeadSource> = {
  email: 'email_campaign',
  linkedin: 'linkedin',
  paid_search: 'paid_ads',
  paid_social: 'paid_ads',
  event: 'event',
  content: 'website',
  other: 'other',
};
const organicSources: ReadonlyArray<readonly [LeadSource, number]> = [['referral', 35], ['website', 35], ['linkedin', 15], ['other', 10], ['event', 5]];
/** Each step forward: the stage reached, the chance to reach it, and working days it takes. */
const pipeline: ReadonlyArray<readonly [LeadStage, number, readonly [number, number]]> = [
  ['QUALIFIED', 0.55, [2, 10]],
  ['PROPOSAL', 0.65, [5, 15]],
  ['NEGOTIATION', 0.7, [3, 10]],
];
const lossReasons = ['no budget', 'went with a competitor', 'stopped responding', 'timing not right', 'building it in-house'];
const people = ['Sam Lee', 'Jo Walsh', 'Alex Moore', 'Kim Tran', 'Pat Hughes', 'Dana Cole', 'Chris Park', 'Robin Shaw'];

interface LeadContext {
  readonly world: DemoWorld;
  readonly random: SeededRandom;
  readonly leadId: string;
  readonly campaign: DemoCampaign | null;
  readonly plan: NewClientPlan;
  readonly valueCents: number;
  /** The instant of the lead's latest planned step. */
  at: number;
}

/** About 75 leads a year per reference firm, each planned through the pipeline at capture. */
export function planLeadsDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('leads');
  for (let count = random.count(0.3 * world.firm); count > 0; count--) captureLead(world, random, date);
}

function captureLead(world: DemoWorld, random: SeededRandom, date: string): void {
  const leadId = world.nextId('ld', 5);
  const campaign = world.campaigns.length > 0 && random.chance(0.55) ? random.pick(world.campaigns) : null;
  const source = campaign ? sourceOfChannel[campaign.channel] : random.weighted(organicSources);
  const name = random.pick(people);
  const company = `${name.split(' ')[1]} & Co ${leadId.slice(3)}`;
  const email = `${name.toLowerCase().replace(' ', '.')}@lead-${leadId.slice(3)}.example`;
  const captured = instantOn(date, random.int(8 * 60 + 30, 17 * 60));
  world.at(captured, (occurredAt) => ({ type: 'CaptureLead', occurredAt, data: { leadId, name, email, company, source, campaignId: campaign?.id ?? null } }));
  const plan = planNewClient(random);
  const lead: LeadContext = { world, random, leadId, campaign, plan, valueCents: yearlyValueCents(plan) + random.int(5_000, 40_000) * 100, at: captured };
  recordTouches(lead, source);
  followPipeline(lead);
}

/** Email opens and clicks for campaign emails, a form for website leads. */
function recordTouches({ world, random, leadId, campaign, at }: LeadContext, source: LeadSource): void {
  const campaignId = campaign?.id ?? null;
  if (source === 'website') {
    const submissionId = world.nextId('fs', 5);
    const formId = random.pick(['contact-us', 'pricing-enquiry', 'free-audit']);
    world.at(addBusinessMinutes(at, 1), (occurredAt) => ({ type: 'RecordFormSubmission', occurredAt, data: { leadId, submissionId, formId, campaignId } }));
  }
  if (source !== 'email_campaign' || !campaign) return;
  const emailId = `${campaign.id}-mail-${random.int(1, 4)}`;
  const opened = addBusinessMinutes(at, random.int(30, 2_000));
  const engage = (kind: 'opened' | 'clicked', when: number) => {
    const engagementId = world.nextId('em', 5);
    world.at(when, (occurredAt) => ({ type: 'RecordEmailEngagement', occurredAt, data: { leadId, engagementId, kind, emailId, campaignId } }));
  };
  engage('opened', opened);
  if (random.chance(0.4)) engage('clicked', addBusinessMinutes(opened, random.int(5, 60)));
}

function followPipeline(lead: LeadContext): void {
  let stage: LeadStage = 'PROSPECT';
  for (const [next, chance, days] of pipeline) {
    if (!lead.random.chance(chance)) return lose(lead, stage, days, true);
    step(lead, days);
    lead.world.at(lead.at, (occurredAt) => ({ type: 'MoveLeadStage', occurredAt, data: { leadId: lead.leadId, to: next } }));
    if (next === 'QUALIFIED') estimate(lead, roughly(lead.valueCents, lead.random.between(0.7, 1.3)));
    if (next === 'PROPOSAL') estimate(lead, lead.valueCents);
    stage = next;
  }
  if (lead.random.chance(0.55)) return win(lead, [3, 15]);
  lose(lead, stage, [3, 15], true);
}

/** A first guess that is never the final figure, so the later estimate always changes it. */
function roughly(valueCents: number, factor: number): number {
  const guess = Math.round((valueCents * factor) / 100) * 100;
  return guess === valueCents ? guess + 10_000 : guess;
}

function estimate(lead: LeadContext, valueCents: number): void {
  lead.world.at(addBusinessMinutes(lead.at, 30), (occurredAt) => ({ type: 'EstimateLeadValue', occurredAt, data: { leadId: lead.leadId, valueCents, currency: 'AUD' } }));
}

/** Some lost leads come back months later; half of those are won the second time. */
function lose(lead: LeadContext, stage: LeadStage, days: readonly [number, number], mayReopen: boolean): void {
  step(lead, days);
  const reason = lead.random.pick(lossReasons);
  lead.world.at(lead.at, (occurredAt) => ({ type: 'LoseLead', occurredAt, data: { leadId: lead.leadId, reason } }));
  if (!mayReopen || !lead.random.chance(0.08)) return;
  step(lead, [20, 60]);
  lead.world.at(lead.at, (occurredAt) => ({ type: 'ReopenLead', occurredAt, data: { leadId: lead.leadId, toStage: stage } }));
  if (lead.random.chance(0.5)) win(lead, [5, 20]);
  else lose(lead, stage, [5, 20], false);
}

/**
 * Most wins are new clients, onboarded a few days later naming the lead and campaign; some are
 * new work for a client the firm already has, which starts a project.
 */
function win(lead: LeadContext, days: readonly [number, number]): void {
  step(lead, days);
  const { world, random, leadId, plan } = lead;
  const existing = random.chance(0.2);
  const projectValueCents = random.int(8_000, 60_000) * 100;
  world.at(lead.at, (occurredAt) => {
    const startOn = addWorkingDays(dateOf(Date.parse(occurredAt)), random.int(1, 5));
    const clients = world.activeClients();
    if (existing && clients.length > 0) {
      const client = random.pick(clients);
      startProject(world, client, startOn, 10 * 60);
      return { type: 'WinLead', occurredAt, data: { leadId, valueCents: projectValueCents, currency: 'AUD', clientId: client.id } };
    }
    onboardClient(world, startOn, 10 * 60, plan, { leadId, campaignId: lead.campaign?.id ?? null });
    return { type: 'WinLead', occurredAt, data: { leadId, valueCents: lead.valueCents, currency: 'AUD', clientId: null } };
  });
}

/** Moves the lead's clock on by a number of working days (10 business hours each), plus some hours. */
function step(lead: LeadContext, [min, max]: readonly [number, number]): void {
  lead.at = addBusinessMinutes(lead.at, lead.random.int(min, max) * 600 + lead.random.int(0, 300));
}
