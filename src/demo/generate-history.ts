import type { BusinessCommand } from '../aggregates';
import { planExpensesDay } from './billing-expenses.generator';
import { planInvoicesDay } from './billing-invoices.generator';
import { addDays, isoOf } from './business-calendar';
import { planClientsDay, seedInitialBook } from './clients.generator';
import { planProjectsDay, seedInitialProjects } from './delivery-projects.generator';
import { registerTeam, planTeamDay } from './delivery-team.generator';
import { planTimeDay } from './delivery-time.generator';
import { DemoWorld, type HistoryOptions } from './demo-world';
import { planOperationsDay } from './operations.generator';
import { planCampaignsDay } from './sales-campaigns.generator';
import { planLeadsDay } from './sales-leads.generator';
import { planSupportDay } from './support.generator';

export type { HistoryOptions } from './demo-world';

/**
 * Each morning (at Brisbane midnight) every area plans its day. Projects are planned before client
 * changes, so a project started today carries the tier the client had when it started.
 */
const dayPlanners: ReadonlyArray<(world: DemoWorld, date: string) => void> = [
  planTeamDay,
  planProjectsDay,
  planTimeDay,
  planClientsDay,
  planInvoicesDay,
  planExpensesDay,
  planSupportDay,
  planCampaignsDay,
  planLeadsDay,
  planOperationsDay,
];

/**
 * A deterministic history of a consultancy as the business commands its tools would send, in the
 * order of their `occurredAt` (instants in Brisbane business hours). The same options give the
 * same commands. Lazy: a history of a million events never sits in memory.
 */
export function* generateHistory(options: HistoryOptions): Generator<BusinessCommand> {
  const world = new DemoWorld(options);
  world.on(world.startDate, 0, () => {
    registerTeam(world);
    seedInitialBook(world);
    seedInitialProjects(world);
  });
  world.on(world.startDate, 1, () => planDay(world, world.startDate));
  for (let next = world.agenda.next(); next !== undefined && next.at < world.endsAt; next = world.agenda.next()) {
    const produced = next.happening(isoOf(next.at));
    if (produced === undefined) continue;
    if ('type' in produced) yield produced as BusinessCommand;
    else yield* produced as readonly BusinessCommand[];
  }
}

function planDay(world: DemoWorld, date: string): void {
  for (const plan of dayPlanners) plan(world, date);
  const tomorrow = addDays(date, 1);
  if (tomorrow < world.endDate) world.on(tomorrow, 1, () => planDay(world, tomorrow));
}
