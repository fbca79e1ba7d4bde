import { randomUUID } from 'node:crypto';
import type { AppendOutcome, ExpectedState, InMemoryEventLog, ProposedEvent } from './in-memory-event-log';

/**
 * A real server's `$all` is never only yours: it starts with its own records (users, settings,
 * stream metadata) and keeps writing statistics. The double reproduces a few of them so that
 * callers filtering system events are really exercised.
 */

const node = '127.0.0.1:2113';

export function seedSystemEvents(log: InMemoryEventLog): void {
  writeSystemEvent(log, `$$$stats-${node}`, '$metadata', { $maxAge: 86_400 });
  writeSystemEvent(log, '$user-admin', '$User', { loginName: 'admin', fullName: 'Event Store Administrator', groups: ['$admins'] });
  writeSystemEvent(log, '$users', '$UserCreated', 'admin');
  writeSystemEvent(log, '$$$scavenges', '$metadata', { $maxAge: 2_592_000 });
  writeStatsCollected(log);
}

export type Appender = (stream: string, expected: ExpectedState, events: readonly ProposedEvent[]) => AppendOutcome;

/** Appends, and after every `every`-th successful write records statistics, as the server does over time. */
export function appenderWithStatsChatter(log: InMemoryEventLog, every: number): Appender {
  let writes = 0;
  return (stream, expected, events) => {
    const outcome = log.append(stream, expected, events);
    if (outcome.ok && every > 0 && ++writes % every === 0) writeStatsCollected(log);
    return outcome;
  };
}

function writeStatsCollected(log: InMemoryEventLog): void {
  writeSystemEvent(log, `$stats-${node}`, '$statsCollected', { 'proc-id': process.pid, 'sys-cpu': 3.5 });
}

function writeSystemEvent(log: InMemoryEventLog, stream: string, type: string, data: unknown): void {
  const event: ProposedEvent = {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data), 'utf8'),
    customMetadata: new Uint8Array(),
  };
  log.append(stream, { kind: 'any' }, [event]);
}
