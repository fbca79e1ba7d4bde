import type { Database } from 'better-sqlite3';
import type { EventDamageLog } from '../../core/event-damage';
import type { IntegrityReport } from '../../core/event-store.port';
import { decodeEventRow, eventColumns, type EventRow } from './sqlite-queries';

const pageSize = 5_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Walks the log by position, a page per turn of the event loop, checking each row as a read would
 * (checksum, else JSON). Damage goes to `damage` (which logs it once); the report lists it all.
 */
export async function checkSqliteIntegrity(db: Database, damage: EventDamageLog, isOpen: () => boolean, onProgress?: (checked: number) => void): Promise<IntegrityReport> {
  const page = db.prepare<[bigint, number], EventRow>(`SELECT ${eventColumns} FROM events WHERE position > ? ORDER BY position LIMIT ?`).safeIntegers(true).raw(true);
  const found = new Map<string, ReturnType<EventDamageLog['list']>[number]>();
  let checked = 0;
  let withoutChecksum = 0;
  let after = 0n;
  while (isOpen()) {
    const rows = page.all(after, pageSize);
    for (const row of rows) {
      const decoded = decodeEventRow(row);
      if (row[7] === null) withoutChecksum++;
      if (decoded.damage) {
        damage.record(decoded.damage);
        found.set(decoded.damage.position, decoded.damage);
      }
    }
    checked += rows.length;
    onProgress?.(checked);
    if (rows.length > 0 && rows.at(-1)![0] > damage.verifiedThrough) damage.verifiedThrough = rows.at(-1)![0];
    if (rows.length < pageSize) break;
    after = rows.at(-1)![0];
    await nextTurn();
  }
  return { checked, withoutChecksum, damaged: [...found.values()] };
}
