import type { ClientTier } from '../aggregates/client/client.events';
import type { TicketChannel, TicketPriority } from '../aggregates/ticket/ticket.events';
import { addBusinessMinutes, addWorkingDays, instantOn, isWorkingDay, workingDayFrom } from './business-calendar';
import type { DemoClient, DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

/** Tickets a client opens per working day: bigger packages, more requests. */
const ticketsPerDay: Record<ClientTier, number> = { STARTER: 0.05, PROFESSIONAL: 0.1, ENTERPRISE: 0.2 };
const channels: ReadonlyArray<readonly [TicketChannel, number]> = [['email', 45], ['chat', 25], ['portal', 15], ['phone', 10], ['social', 3], ['other', 2]];
const priorities: ReadonlyArray<readonly [TicketPriority, number]> = [['LOW', 30], ['MEDIUM', 45], ['HIGH', 20], ['URGENT', 5]];
/** Business minutes to the first human reply, and from it to the resolution. */
const responseMinutes: Record<TicketPriority, readonly [number, number]> = { URGENT: [5, 30], HIGH: [10, 90], MEDIUM: [20, 240], LOW: [30, 480] };
const resolutionMinutes: Record<TicketPriority, readonly [number, number]> = { URGENT: [30, 240], HIGH: [60, 600], MEDIUM: [60, 1_200], LOW: [120, 2_400] };
const subjects = ['Report not loading', 'Add a new user', 'Invoice question', 'Sync stopped', 'Change request', 'Login problem', 'Data looks wrong', 'How do I export?'];
const csatScores: ReadonlyArray<readonly [number, number]> = [[5, 60], [4, 28], [3, 7], [2, 3], [1, 2]];
const npsScores: ReadonlyArray<readonly [number, number]> = [[10, 22], [9, 28], [8, 18], [7, 12], [6, 8], [5, 5], [4, 3], [3, 2], [2, 1], [0, 1]];

export function planSupportDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('support');
  for (const client of world.activeClients()) {
    for (let count = random.count(ticketsPerDay[client.tier]); count > 0; count--) openTicket(world, random, client, date);
  }
  const quarterStart = ['01', '04', '07', '10'].includes(date.slice(5, 7)) && date === workingDayFrom(`${date.slice(0, 8)}01`);
  if (quarterStart) surveyNps(world, random, date);
}

/** A ticket's whole life is planned when it opens: reply, resolution, a rare reopen, a rating. */
function openTicket(world: DemoWorld, random: SeededRandom, client: DemoClient, date: string): void {
  const ticketId = world.nextId('tk', 5);
  const priority = random.weighted(priorities);
  const channel = random.weighted(channels);
  const subject = random.pick(subjects);
  const opened = instantOn(date, random.int(8 * 60, 17 * 60 + 30));
  world.at(opened, (occurredAt) => ({ type: 'OpenTicket', occurredAt, data: { ticketId, clientId: client.id, channel, priority, subject } }));
  const responderId = random.pick(world.consultants).id;
  const responded = addBusinessMinutes(opened, random.int(...responseMinutes[priority]));
  world.at(responded, (occurredAt) => ({ type: 'RecordFirstResponse', occurredAt, data: { ticketId, responderId } }));
  let resolved = addBusinessMinutes(responded, random.int(...resolutionMinutes[priority]));
  world.at(resolved, (occurredAt) => ({ type: 'ResolveTicket', occurredAt, data: { ticketId } }));
  if (random.chance(0.04)) {
    const reopened = addBusinessMinutes(resolved, random.int(60, 1_200));
    world.at(reopened, (occurredAt) => ({ type: 'ReopenTicket', occurredAt, data: { ticketId } }));
    resolved = addBusinessMinutes(reopened, random.int(30, 480));
    world.at(resolved, (occurredAt) => ({ type: 'ResolveTicket', occurredAt, data: { ticketId } }));
  }
  if (!random.chance(0.45)) return;
  const score = random.weighted(csatScores);
  const comment = score <= 3 ? random.pick(['Took too long', 'Still not fixed properly', null]) : random.pick(['Thanks, quick fix!', null, null]);
  const ratingId = world.nextId('cs', 5);
  world.at(addBusinessMinutes(resolved, random.int(10, 240)), (occurredAt) => ({ type: 'RateTicket', occurredAt, data: { ticketId, ratingId, score, comment } }));
}

/** A quarterly survey; about half the active clients answer within two weeks. */
function surveyNps(world: DemoWorld, random: SeededRandom, date: string): void {
  for (const client of world.activeClients()) {
    if (!random.chance(0.55)) continue;
    const responseId = world.nextId('nps', 4);
    const score = random.weighted(npsScores);
    const answeredOn = addWorkingDays(date, random.int(0, 9));
    world.on(answeredOn, random.int(9 * 60, 17 * 60), (occurredAt) => ({ type: 'RecordNpsResponse', occurredAt, data: { responseId, clientId: client.id, score, comment: null } }));
  }
}
