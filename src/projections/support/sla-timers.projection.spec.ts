import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import type { EventStore } from '../../core/event-store.port';
import { randomId } from '../../core/ids';
import type { EventOrigin, RecordedEvent } from '../../core/messages';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { slaTimersCollection, slaTimersProjection } from './sla-timers.projection';

describe('SLA timers projection', () => {
  let events: EventStore;
  let reads: ReadStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: [slaTimersProjection] });
    await runner.start();
  });

  afterEach(async () => {
    await runner.stop();
    await events.close();
    await reads.close();
  });

  const record = async (stream: string, type: string, data: Record<string, unknown>, options: { occurredAt?: string; origin?: EventOrigin } = {}): Promise<RecordedEvent> => {
    const metadata = { occurredAt: options.occurredAt ?? new Date().toISOString(), correlationId: randomId(), causationId: null, actor: 'test', ...(options.origin && { origin: options.origin }) };
    await events.append(stream, [{ id: randomId(), type, data, metadata }]);
    const head = (await events.headPosition())!;
    expect(await runner.waitFor(head)).toBe(true);
    return (await collectStream(stream)).at(-1)!;
  };
  const collectStream = async (stream: string) => {
    const found: RecordedEvent[] = [];
    for await (const event of events.readStream(stream)) found.push(event);
    return found;
  };
  const open = (ticketId: string, options: { occurredAt?: string; origin?: EventOrigin } = {}) =>
    record(`Ticket-${ticketId}`, 'TicketOpened', { ticketId, clientId: 'c-1', channel: 'email', priority: 'NORMAL', subject: 'Help', openedAt: options.occurredAt ?? new Date().toISOString() }, options);
  const documents = async (...ids: string[]) => new Map([...(await reads.getMany(slaTimersCollection, ids))].map(([id, stored]) => [id, stored.document]));

  it('starts a pending timer for a live ticket and answers it with the first response', async () => {
    const opened = await open('t-1');
    expect((await documents('timer:t-1')).get('timer:t-1')).toMatchObject({ kind: 'timer', ticketId: 't-1', clientId: 'c-1', status: 'pending', openedEventId: opened.id, stream: 'Ticket-t-1', revision: '0', openedPosition: Number(opened.position) });

    await record('Ticket-t-1', 'FirstResponseRecorded', { ticketId: 't-1', responderId: 'a', openedAt: opened.metadata.occurredAt, respondedAt: new Date().toISOString() });

    expect((await documents('timer:t-1')).get('timer:t-1')).toMatchObject({ status: 'answered' });
  });

  it('gives seeded history no timer, and keeps when a ticket synced after the fact happened and was recorded', async () => {
    await open('t-seed', { origin: 'seed' });
    const late = await open('t-late', { occurredAt: '2020-01-01T00:00:00.000Z' });

    const found = await documents('timer:t-seed', 'timer:t-late');
    expect(found.has('timer:t-seed')).toBe(false);
    expect(found.get('timer:t-late')).toMatchObject({ occurredAt: '2020-01-01T00:00:00.000Z', recordedAt: late.metadata.recordedAt });
  });

  it('is rebuilt from the log into the same documents', async () => {
    const opened = await open('t-3');
    await record('Ticket-t-3', 'TicketResolved', { ticketId: 't-3', openedAt: opened.metadata.occurredAt, resolvedAt: new Date().toISOString(), resolutionCount: 1 });
    const before = await documents('timer:t-3');

    await runner.rebuild(slaTimersCollection);

    expect(await documents('timer:t-3')).toEqual(before);
    expect(before.get('timer:t-3')).toMatchObject({ status: 'answered' });
  });
});
