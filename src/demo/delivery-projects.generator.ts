import type { ClientTier } from '../aggregates/client/client.events';
import { addWorkingDays, isWorkingDay } from './business-calendar';
import { issueInvoice } from './billing-invoices.generator';
import type { DemoClient, DemoConsultant, DemoProject, DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

/** 150 projects in two years for five consultants: 0.06 starts per consultant and working day. */
const startsPerConsultantDay = 0.06;
const tierWeight: Record<ClientTier, number> = { STARTER: 1, PROFESSIONAL: 2, ENTERPRISE: 3 };
const defaultRateCents = 18_000;
const kinds = ['Website relaunch', 'CRM rollout', 'Data warehouse', 'Automation sprint', 'Security review', 'Reporting suite', 'Mobile app', 'Cloud migration'];

/** Work already running when the history starts, so the first weeks are not empty. */
export function seedInitialProjects(world: DemoWorld): void {
  world.on(world.startDate, 13 * 60, () => {
    const random = world.random('projects');
    const count = Math.max(1, Math.round(world.teamSize * 1.2));
    for (let index = 0; index < count; index++) startProjectForSomeone(world, random, world.startDate, 13 * 60 + 1 + index);
  });
}

export function planProjectsDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('projects');
  const starts = random.count(world.teamSize * startsPerConsultantDay);
  for (let index = 0; index < starts; index++) startProjectForSomeone(world, random, date, random.int(9 * 60, 11 * 60 + 30));
}

function startProjectForSomeone(world: DemoWorld, random: SeededRandom, date: string, minute: number): void {
  const clients = world.activeClients();
  if (clients.length === 0) return;
  startProject(world, random.weighted(clients.map((client) => [client, tierWeight[client.tier]] as const)), date, minute);
}

/**
 * Plans the whole project at its start — team, budget, and how it ends (on time, late or
 * cancelled) — so hours are only ever logged while it runs.
 */
export function startProject(world: DemoWorld, client: DemoClient, date: string, minute: number): void {
  const random = world.random('projects');
  const durationDays = random.int(10, 70);
  const dueOn = addWorkingDays(date, durationDays);
  const { endOn, cancelled } = plannedEnd(random, date, durationDays, dueOn);
  const team = pickTeam(world, random);
  const rateCents = client.tier === 'ENTERPRISE' && random.chance(0.5) ? 17_500 : null;
  const expectedHours = (durationDays * team.length * 7.2) / 5;
  const budgetHours = Math.max(10, Math.round((expectedHours * random.between(0.8, 1.3)) / 5) * 5);
  const budgetAmountCents = budgetHours * (rateCents ?? defaultRateCents);
  const project: DemoProject = { id: world.nextId('pr'), clientId: client.id, startedOn: date, endOn, team, rateCents };
  world.projects.push(project);
  for (const consultant of team) consultant.projects.push(project);
  const name = `${random.pick(kinds)} for ${client.name}`;
  const data = { projectId: project.id, clientId: client.id, tier: client.tier, name, budgetHours, budgetAmountCents, currency: 'AUD', startedOn: date, dueOn };
  world.on(date, minute, (occurredAt) => ({ type: 'StartProject', occurredAt, data }));
  const deposit = Math.round(budgetAmountCents * 0.3);
  issueInvoice(world, { clientId: client.id, projectId: project.id, amountCents: deposit, kind: 'ONE_OFF', date, minute: minute + 30 });
  world.on(endOn, 17 * 60 + 55, (occurredAt) => closeProject(world, project, cancelled, occurredAt));
  const finalCents = cancelled ? Math.round((budgetAmountCents - deposit) * random.between(0.2, 0.6)) : budgetAmountCents - deposit;
  issueInvoice(world, { clientId: client.id, projectId: project.id, amountCents: finalCents, kind: 'ONE_OFF', date: addWorkingDays(endOn, 1), minute: 10 * 60 });
}

/** Most finish around their due date, about a third late, one in twelve is cancelled on the way. */
function plannedEnd(random: SeededRandom, date: string, durationDays: number, dueOn: string): { endOn: string; cancelled: boolean } {
  const outcome = random.weighted([['on_time', 62], ['late', 30], ['cancelled', 8]] as const);
  if (outcome === 'late') return { endOn: addWorkingDays(dueOn, random.int(2, 20)), cancelled: false };
  if (outcome === 'cancelled') return { endOn: addWorkingDays(date, random.int(3, Math.max(3, durationDays - 2))), cancelled: true };
  return { endOn: addWorkingDays(date, Math.max(1, durationDays - random.int(0, 8))), cancelled: false };
}

/** One to three consultants, the least busy first. */
function pickTeam(world: DemoWorld, random: SeededRandom): DemoConsultant[] {
  const size = Math.min(world.consultants.length, random.weighted([[1, 45], [2, 40], [3, 15]] as const));
  const byLoad = world.consultants.map((consultant) => ({ consultant, load: consultant.projects.length + random.next() * 0.9 }));
  return byLoad.sort((a, b) => a.load - b.load).slice(0, size).map(({ consultant }) => consultant);
}

function closeProject(world: DemoWorld, project: DemoProject, cancelled: boolean, occurredAt: string) {
  world.projects = world.projects.filter((candidate) => candidate !== project);
  for (const consultant of project.team) consultant.projects = consultant.projects.filter((candidate) => candidate !== project);
  if (cancelled) return { type: 'CancelProject' as const, occurredAt, data: { projectId: project.id, reason: 'client stopped the work' } };
  return { type: 'CompleteProject' as const, occurredAt, data: { projectId: project.id, completedOn: project.endOn } };
}
