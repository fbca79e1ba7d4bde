import { isPublicHoliday, isWorkingDay, weekdayOf, workingDayFrom } from './business-calendar';
import type { DemoConsultant, DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

const firstNames = ['Ava', 'Liam', 'Mia', 'Noah', 'Isla', 'Jack', 'Chloe', 'Oliver', 'Zoe', 'Lucas', 'Ruby', 'Ethan', 'Priya', 'Kenji', 'Amara', 'Tom'];
const lastNames = ['Nguyen', 'Smith', 'Patel', 'Williams', 'Chen', 'Brown', 'Kelly', 'Singh', 'Taylor', 'Wilson', 'Murphy', 'Rossi'];
/** Yearly chance that a consultant changes hours (goes part-time, or back to full time). */
const capacityChangesPerYear = 0.15;

/** The team registers on the first morning, before anything else happens. */
export function registerTeam(world: DemoWorld): void {
  const random = world.random('team');
  for (let index = 0; index < world.teamSize; index++) {
    const consultant: DemoConsultant = {
      id: world.nextId('co', 3),
      weeklyCapacityHours: random.chance(0.2) ? 30 : 38,
      costRateCents: roundTo(random.between(5_500, 8_500), 500),
      billRateCents: roundTo(random.between(15_000, 22_000), 500),
      projects: [],
      offHoursToday: 0,
      leaveDaysLeft: 0,
    };
    world.consultants.push(consultant);
    const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    const email = `${name.toLowerCase().replace(' ', '.')}.${index + 1}@zixly.example`;
    const { id: consultantId, weeklyCapacityHours, costRateCents, billRateCents } = consultant;
    // Everyone is registered by 08:04, before the first leave is recorded at 08:05.
    world.on(world.startDate, 8 * 60 + (index * 4) / world.teamSize, (occurredAt) => ({
      type: 'RegisterConsultant',
      occurredAt,
      data: { consultantId, name, email, weeklyCapacityHours, costRateCents, billRateCents, currency: 'AUD' },
    }));
  }
}

/** Leave, sick days, public holidays, capacity changes and the yearly rate review. */
export function planTeamDay(world: DemoWorld, date: string): void {
  const random = world.random('team');
  for (const consultant of world.consultants) consultant.offHoursToday = 0;
  if (isPublicHoliday(date) && weekdayOf(date) % 6 !== 0) {
    for (const consultant of world.consultants) recordTimeOff(world, consultant, date, dayHours(consultant));
    return;
  }
  if (!isWorkingDay(date)) return;
  const review = date.slice(5, 7) === '07' && date === workingDayFrom(`${date.slice(0, 8)}01`);
  for (const consultant of world.consultants) {
    planLeave(world, random, consultant, date);
    if (review) reviewRates(world, random, consultant, date);
    else if (random.chance(capacityChangesPerYear / 250)) changeCapacity(world, consultant, date);
  }
}

/** About 20 days of annual leave a year in blocks, and a few sick days. */
function planLeave(world: DemoWorld, random: SeededRandom, consultant: DemoConsultant, date: string): void {
  if (consultant.leaveDaysLeft > 0) {
    consultant.leaveDaysLeft--;
    recordTimeOff(world, consultant, date, dayHours(consultant));
  } else if (random.chance(1 / 80)) {
    consultant.leaveDaysLeft = random.int(3, 10) - 1;
    recordTimeOff(world, consultant, date, dayHours(consultant));
  } else if (random.chance(0.015)) {
    recordTimeOff(world, consultant, date, random.chance(0.7) ? dayHours(consultant) : roundTo(dayHours(consultant) / 2, 0.01));
  }
}

function recordTimeOff(world: DemoWorld, consultant: DemoConsultant, date: string, hours: number): void {
  consultant.offHoursToday = hours;
  const timeOffId = world.nextId('to', 5);
  world.on(date, 8 * 60 + 5, (occurredAt) => ({ type: 'RecordTimeOff', occurredAt, data: { consultantId: consultant.id, timeOffId, date, hours } }));
}

function reviewRates(world: DemoWorld, random: SeededRandom, consultant: DemoConsultant, date: string): void {
  const raise = random.between(1.03, 1.06);
  consultant.costRateCents = roundTo(consultant.costRateCents * raise, 100);
  consultant.billRateCents = roundTo(consultant.billRateCents * raise, 500);
  const { id: consultantId, costRateCents, billRateCents } = consultant;
  world.on(date, 9 * 60, (occurredAt) => ({ type: 'ChangeConsultantRates', occurredAt, data: { consultantId, costRateCents, billRateCents, currency: 'AUD' } }));
}

function changeCapacity(world: DemoWorld, consultant: DemoConsultant, date: string): void {
  consultant.weeklyCapacityHours = consultant.weeklyCapacityHours === 38 ? 30 : 38;
  const { id: consultantId, weeklyCapacityHours } = consultant;
  world.on(date, 8 * 60 + 10, (occurredAt) => ({ type: 'ChangeConsultantCapacity', occurredAt, data: { consultantId, weeklyCapacityHours } }));
}

export function dayHours(consultant: DemoConsultant): number {
  return roundTo(consultant.weeklyCapacityHours / 5, 0.01);
}

function roundTo(value: number, step: number): number {
  return Math.round(Math.round(value / step) * step * 100) / 100;
}
