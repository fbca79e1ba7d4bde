import type { Json } from '../../core/read-store.port';
import type { TranslatedCommand } from '../../ingest/delivery';
import { hoursFromSeconds, toCents } from '../shared/mapping/amounts.mapping';
import { businessDateOf, fromUnixSeconds } from '../shared/mapping/instants.mapping';
import { payloadInvalid, type Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';
import { invoiceNinjaId } from './invoiceninja-invoice.mapping';

/** One `time_log` row: `[start_unix, end_unix (0 = running), description, billable]`. */
interface TimeLogEntry {
  readonly start: number;
  readonly end: number;
  readonly description: string | null;
  readonly billable: boolean;
}

function timeLogOf(task: Fields): TimeLogEntry[] {
  const path = task.at('time_log');
  let rows: Json;
  try {
    rows = JSON.parse(task.optionalString('time_log') ?? '[]') as Json;
  } catch {
    throw payloadInvalid(path, 'a JSON-encoded list', task.raw('time_log'));
  }
  if (!Array.isArray(rows)) throw payloadInvalid(path, 'a JSON-encoded list', rows);
  return rows.map((row, index) => {
    const [start, end, description, billable] = Array.isArray(row) ? row : [];
    if (typeof start !== 'number' || typeof end !== 'number') throw payloadInvalid(`${path}[${index}]`, '[start, end, description, billable]', row);
    return { start, end, description: typeof description === 'string' && description.trim() ? description : null, billable: billable !== false };
  });
}

/**
 * Each finished time-log row of a task is a time entry, keyed by its start (rows have no ids). The
 * row is logged, then corrected to what the task says now: the correction is a no-op unless the
 * row was edited. Running rows, and rows too short to round to 0.01 h, are left out; rows
 * removed from a task are not detected.
 */
export function taskCommands(task: Fields): TranslatedCommand[] | string {
  if (task.boolean('is_deleted', false)) return 'invoiceninja task: deleted';
  if (!task.has('project_id')) return 'invoiceninja task: no project, so no Zixly project to log hours on';
  const finished = timeLogOf(task).filter((entry) => entry.end > 0 && hoursFromSeconds(entry.end - entry.start) > 0);
  if (finished.length === 0) return 'invoiceninja task: no finished time';
  return finished.flatMap((entry) => entryCommands(task, entry));
}

function entryCommands(task: Fields, entry: TimeLogEntry): TranslatedCommand[] {
  const id = task.string('id');
  const startedAt = fromUnixSeconds(entry.start, task.at('time_log'));
  const facts = {
    projectId: invoiceNinjaId(task.string('project_id')),
    entryId: invoiceNinjaId(`${id}:${entry.start}`),
    workDate: businessDateOf(startedAt),
    hours: hoursFromSeconds(entry.end - entry.start),
    billable: entry.billable,
    description: entry.description ?? task.optionalString('description') ?? '',
  };
  const consultantId = invoiceNinjaId(task.optionalString('assigned_user_id') ?? task.string('user_id'));
  const rate = task.optionalNumber('rate') ?? 0;
  const billRate = rate > 0 ? { billRateCents: toCents(rate, task.at('rate')) } : {};
  const source = `task:${id}:${entry.start}`;
  const logged = { type: 'LogHours' as const, data: { ...facts, consultantId, ...billRate }, occurredAt: fromUnixSeconds(entry.end, task.at('time_log')) };
  const corrected = { type: 'CorrectTimeEntry' as const, data: facts, occurredAt: fromUnixSeconds(task.number('updated_at'), task.at('updated_at')) };
  return [translated(logged, 'invoiceninja', source), translated(corrected, 'invoiceninja', source)];
}
