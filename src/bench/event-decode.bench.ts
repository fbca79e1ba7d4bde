import { decodeEventRow, type EventRow } from '../adapters/sqlite/sqlite-queries';
import { eventChecksum } from '../core/event-damage';

/**
 * What checking an event's checksum adds to reading it: `decodeEventRow` on one time-entry row,
 * checked, already verified by a walk over the log, and without a checksum (a row stored before
 * checksums), in interleaved rounds; prints the median per row. Run:
 * `node --require ./src/testing/fixtures/swc-register.cjs src/bench/event-decode.bench.ts`.
 */
export function benchEventDecode(rowsPerRound = 100_000, rounds = 5): Record<string, number> {
  const data = JSON.stringify({ entryId: '0b1c3d4e-1111-2222-3333-444455556666', projectId: 'p-1', consultantId: 'c-1', workDate: '2026-02-03', hours: 7.5, billable: true, rateCents: 15000, description: 'work item 17' });
  const metadata = JSON.stringify({ occurredAt: '2026-02-03T04:05:06.000Z', correlationId: '0b1c3d4e-1111-2222-3333-444455556666', causationId: null, actor: 'bench', recordedAt: '2026-02-03T04:05:06.000Z' });
  const id = '0b1c3d4e-1111-2222-3333-444455556666';
  const checksum = eventChecksum({ id, stream: 'Time-1', revision: 17n, type: 'HoursLogged', data, metadata });
  const row = (sum: string | null): EventRow => [5n, id, 'Time-1', 17n, 'HoursLogged', data, metadata, sum];
  const cases: ReadonlyArray<readonly [string, () => unknown]> = [
    ['checksum checked', () => decodeEventRow(row(checksum), 0n)],
    ['verified by the walk', () => decodeEventRow(row(checksum), 10n)],
    ['no checksum (older row)', () => decodeEventRow(row(null), 0n)],
  ];
  const runs = new Map<string, number[]>(cases.map(([label]) => [label, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [label, decode] of cases) {
      const started = process.hrtime.bigint();
      for (let index = 0; index < rowsPerRound; index++) decode();
      runs.get(label)!.push(Number(process.hrtime.bigint() - started) / 1e3 / rowsPerRound);
    }
  }
  return Object.fromEntries([...runs].map(([label, values]) => [label, values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!]));
}

if (require.main === module) {
  for (const [label, micros] of Object.entries(benchEventDecode())) process.stdout.write(`${label}: median ${micros.toFixed(2)} µs per row\n`);
}
