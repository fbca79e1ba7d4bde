import { isWorkingDay } from './business-calendar';
import { dayHours } from './delivery-team.generator';
import type { DemoConsultant, DemoProject, DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

const descriptions = ['Client workshop', 'Workflow build', 'Data migration', 'Support request', 'Reporting', 'Integration fix', 'Stand-up', 'Documentation', 'Testing', 'Code review'];
/** Entries come from a timer: short blocks, about 20 minutes on average, ~23 a day. */
const entryHours = { min: 0.08, max: 0.45 };
const firstEntryMinute = 8 * 60 + 30;
const lastEntryMinute = 17 * 60;

/**
 * Each consultant logs the day's work on the projects they are staffed on: most hours billable,
 * a few entries corrected or deleted in the evening review (before any project closes at 17:55).
 */
export function planTimeDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('time');
  for (const consultant of world.consultants) {
    const available = dayHours(consultant) - consultant.offHoursToday;
    // Projects started today take hours from tomorrow, so no entry can precede its project.
    const projects = consultant.projects.filter((project) => project.startedOn < date && project.endOn >= date);
    if (available < 0.5 || projects.length === 0) continue;
    planConsultantDay(world, random, consultant, projects, date, available * random.between(0.82, 1.02));
  }
}

function planConsultantDay(world: DemoWorld, random: SeededRandom, consultant: DemoConsultant, projects: DemoProject[], date: string, target: number): void {
  const blocks: number[] = [];
  let total = 0;
  while (total < target - 0.05) {
    const hours = Math.min(hundredths(random.between(entryHours.min, entryHours.max)), hundredths(target - total));
    blocks.push(hours);
    total += hours;
  }
  let done = 0;
  for (const hours of blocks) {
    done += hours;
    const minute = firstEntryMinute + (done / total) * (lastEntryMinute - firstEntryMinute);
    logEntry(world, random, consultant, random.pick(projects), date, minute, hours);
  }
}

function logEntry(world: DemoWorld, random: SeededRandom, consultant: DemoConsultant, project: DemoProject, date: string, minute: number, hours: number): void {
  const entryId = world.nextId('te', 7);
  const billable = random.chance(0.87);
  const description = random.pick(descriptions);
  const rate = project.rateCents === null ? {} : { billRateCents: project.rateCents };
  const { id: projectId } = project;
  world.on(date, minute, (occurredAt) => ({
    type: 'LogHours',
    occurredAt,
    data: { projectId, entryId, consultantId: consultant.id, workDate: date, hours, billable, description, ...rate },
  }));
  const review = random.next();
  const reviewMinute = random.int(17 * 60 + 5, 17 * 60 + 50);
  if (review < 0.03) {
    const corrected = hundredths(Math.max(0.05, hours + random.pick([-1, 1]) * random.between(0.05, 0.5)));
    const fixed = corrected === hours ? hundredths(hours + 0.05) : corrected;
    const stillBillable = random.chance(0.8) ? billable : !billable;
    world.on(date, reviewMinute, (occurredAt) => ({
      type: 'CorrectTimeEntry',
      occurredAt,
      data: { projectId, entryId, workDate: date, hours: fixed, billable: stillBillable },
    }));
  } else if (review < 0.04) {
    world.on(date, reviewMinute, (occurredAt) => ({ type: 'DeleteTimeEntry', occurredAt, data: { projectId, entryId } }));
  }
}

function hundredths(hours: number): number {
  return Math.round(hours * 100) / 100;
}
