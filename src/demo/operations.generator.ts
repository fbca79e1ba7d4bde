import type { WorkflowTrigger } from '../aggregates/operations/workflow-run.events';
import { instantOn, isWorkingDay, startOfDate, weekdayOf, workingDayFrom } from './business-calendar';
import type { DemoWorld } from './demo-world';
import type { SeededRandom } from './seeded-random';

/** Data sources synced in business hours, with the records a run brings per reference firm. */
const sources = [
  { source: 'xero', everyMinutes: 120, records: [5, 60] },
  { source: 'hubspot', everyMinutes: 120, records: [10, 200] },
  { source: 'harvest', everyMinutes: 60, records: [20, 150] },
  { source: 'chatwoot', everyMinutes: 120, records: [0, 30] },
] as const;
const syncErrors = ['401 Unauthorized: token expired', '429 Too Many Requests', 'ETIMEDOUT', '502 Bad Gateway'];
const minute = 60_000;

/**
 * Automations go live one after another; until then the work they replace is recorded by hand,
 * so manual work saved grows over the history.
 */
const workflows = [
  { workflow: 'timesheet-reminder', liveAt: 0.1, manualMinutes: 10, manual: 'Reminded the team to fill in timesheets' },
  { workflow: 'weekly-client-report', liveAt: 0.25, manualMinutes: 30, manual: 'Compiled a weekly client report' },
  { workflow: 'invoice-dispatch', liveAt: 0.4, manualMinutes: 60, manual: 'Sent the retainer invoices by hand' },
  { workflow: 'payment-reminder', liveAt: 0.5, manualMinutes: 20, manual: 'Chased overdue invoices by phone' },
] as const;

export function planOperationsDay(world: DemoWorld, date: string): void {
  if (!isWorkingDay(date)) return;
  const random = world.random('operations');
  for (const source of sources) planSyncs(world, random, source, date);
  const firstWorkingDay = date === workingDayFrom(`${date.slice(0, 8)}01`);
  automate(world, random, date, 'timesheet-reminder', 16 * 60 + 30, 1);
  if (weekdayOf(date) === 1) automate(world, random, date, 'weekly-client-report', 8 * 60 + 30, world.activeClients().length);
  if (firstWorkingDay) automate(world, random, date, 'invoice-dispatch', 9 * 60 + 30, Math.ceil(world.firm));
  automate(world, random, date, 'payment-reminder', 9 * 60, 1);
  if (weekdayOf(date) === 5) recordManualAdmin(world, date, 16 * 60, 45, 'Bank reconciliation');
  if (random.chance(0.2)) recordManualAdmin(world, date, random.int(9 * 60, 16 * 60), random.int(15, 60), 'Contract admin');
}

function planSyncs(world: DemoWorld, random: SeededRandom, source: (typeof sources)[number], date: string): void {
  for (let at = 8 * 60 + 2; at < 18 * 60; at += source.everyMinutes) {
    const runId = `${date}T${String(Math.floor(at / 60)).padStart(2, '0')}${String(at % 60).padStart(2, '0')}`;
    const common = { source: source.source, runId, durationMs: random.int(800, 45_000), intervalSeconds: source.everyMinutes * 60 };
    // An outage (an expired token, say) fails several runs in a row.
    let outage = world.syncOutages.get(source.source) ?? 0;
    if (outage === 0 && random.chance(0.004)) outage = random.int(3, 8);
    const failed = outage > 0 || random.chance(0.02);
    world.syncOutages.set(source.source, Math.max(0, outage - 1));
    if (failed) {
      const error = random.pick(syncErrors);
      world.on(date, at, (occurredAt) => ({ type: 'RecordSyncFailure', occurredAt, data: { ...common, error } }));
      continue;
    }
    const [min, max] = source.records;
    const records = Math.round(random.int(min, max) * world.firm);
    world.on(date, at, (occurredAt) => ({ type: 'RecordSyncSuccess', occurredAt, data: { ...common, records, cursor: `${runId}:${records}` } }));
  }
}

/** `runs` runs of a workflow once it is live; before that, the same work done by hand. */
function automate(world: DemoWorld, random: SeededRandom, date: string, name: string, at: number, runs: number): void {
  const flow = workflows.find((candidate) => candidate.workflow === name)!;
  const progress = (startOfDate(date) - startOfDate(world.startDate)) / (world.endsAt - startOfDate(world.startDate));
  for (let index = 0; index < runs; index++) {
    if (progress < flow.liveAt) recordManualAdmin(world, date, at + index, flow.manualMinutes, flow.manual);
    else runWorkflow(world, random, flow.workflow, flow.manualMinutes, instantOn(date, at + index * 0.5));
  }
}

/** Most runs succeed; some are skipped, some fail and are retried once. */
function runWorkflow(world: DemoWorld, random: SeededRandom, workflow: string, manualMinutes: number, started: number): void {
  const runId = world.nextId('wf', 6);
  const trigger: WorkflowTrigger = { kind: 'schedule', schedule: workflow };
  world.at(started, (occurredAt) => ({ type: 'StartWorkflowRun', occurredAt, data: { runId, workflow, trigger, manualMinutes } }));
  const outcome = random.weighted([['succeed', 86], ['skip', 6], ['fail', 8]] as const);
  const finished = started + random.int(1, 5) * minute;
  if (outcome === 'succeed') return void world.at(finished, (occurredAt) => ({ type: 'CompleteWorkflowRun', occurredAt, data: { runId } }));
  if (outcome === 'skip') return void world.at(finished, (occurredAt) => ({ type: 'SkipWorkflowRun', occurredAt, data: { runId, reason: 'nothing to do' } }));
  const retryable = random.chance(0.8);
  world.at(finished, (occurredAt) => ({ type: 'FailWorkflowRun', occurredAt, data: { runId, error: 'upstream API timed out', retryable } }));
  if (!retryable) return;
  const retried = finished + random.int(10, 30) * minute;
  world.at(retried, (occurredAt) => ({ type: 'RetryWorkflowRun', occurredAt, data: { runId } }));
  const again = retried + random.int(1, 3) * minute;
  if (random.chance(0.85)) world.at(again, (occurredAt) => ({ type: 'CompleteWorkflowRun', occurredAt, data: { runId } }));
  else world.at(again, (occurredAt) => ({ type: 'FailWorkflowRun', occurredAt, data: { runId, error: 'upstream API timed out again', retryable: false } }));
}

function recordManualAdmin(world: DemoWorld, date: string, at: number, minutes: number, description: string): void {
  const entryId = world.nextId('ma', 5);
  world.on(date, at, (occurredAt) => ({ type: 'RecordManualAdmin', occurredAt, data: { entryId, minutes, description, performedOn: date } }));
}
