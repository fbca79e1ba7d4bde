import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { ValidationError } from '../core/errors';
import { collect, type EventStore } from '../core/event-store.port';
import { type BusinessCommand, commandRoutes, commandTypes, platformRoutes } from '.';
import { createCommandBus } from './command-bus';

const at = '2026-03-02T09:00:00+10:00';
const by = { actor: 'user:ops' };
const register: BusinessCommand = {
  type: 'RegisterConsultant',
  occurredAt: at,
  data: { consultantId: 'k-1', name: 'Kim', email: 'kim@zixly.example', weeklyCapacityHours: 38, costRateCents: 6_000, billRateCents: 15_000, currency: 'AUD' },
};
const start: BusinessCommand = {
  type: 'StartProject',
  occurredAt: at,
  data: { projectId: 'p-1', clientId: 'c-1', tier: 'PROFESSIONAL', name: 'CRM rollout', budgetHours: 100, budgetAmountCents: 1_500_000, currency: 'AUD', startedOn: '2026-03-02', dueOn: '2026-04-30' },
};
const logHours = (entryId: string, hours = 3.5): BusinessCommand => ({
  type: 'LogHours',
  occurredAt: at,
  data: { projectId: 'p-1', entryId, consultantId: 'k-1', workDate: '2026-03-02', hours, billable: true },
});

describe('command bus', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await openSqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('routes every command type of the business to an aggregate', () => {
    expect(commandTypes.length).toBeGreaterThanOrEqual(40);
    for (const type of commandTypes) expect(commandRoutes[type].decider.decide, type).toBeTypeOf('function');
  });

  it('routes every platform command to a decider, under a type no business command uses', () => {
    const platformTypes = Object.keys(platformRoutes);
    expect(platformTypes).toEqual(expect.arrayContaining(['CreateApiKey', 'ClaimIdentity', 'LinkClientIdentity', 'ReceiveWebhookDelivery', 'RedriveDelivery', 'RecordWebhookRejection', 'CompleteStep']));
    for (const type of platformTypes) expect(platformRoutes[type as keyof typeof platformRoutes].decider.decide, type).toBeTypeOf('function');
    expect(platformTypes.filter((type) => (commandTypes as readonly string[]).includes(type))).toEqual([]);
  });

  it('logs hours with the consultant’s rates read from the Consultant aggregate', async () => {
    const bus = createCommandBus<BusinessCommand>(store, commandRoutes);
    await bus.execute(register, by);
    await bus.execute(start, by);

    const result = await bus.execute(logHours('e-1'), by);

    expect(result.status).toBe('appended');
    expect(result.events[0]).toMatchObject({ stream: 'Project-p-1', type: 'HoursLogged', data: { hours: 3.5, costRateCents: 6_000, billRateCents: 15_000 } });
  });

  it('stores all of 100 concurrent time entries on one project, none lost or doubled', async () => {
    const bus = createCommandBus<BusinessCommand>(store, commandRoutes);
    await bus.execute(register, by);
    await bus.execute(start, by);

    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => bus.execute(logHours(`e-${i}`, 0.2), by)));

    expect(results.every((result) => result.status === 'appended')).toBe(true);
    const logged = (await collect(store.readStream('Project-p-1'))).filter((event) => event.type === 'HoursLogged');
    expect(new Set(logged.map((event) => (event.data as { entryId: string }).entryId)).size).toBe(100);
    expect(logged).toHaveLength(100);
  });

  it('refuses hours by a consultant who has been deactivated, appending nothing', async () => {
    const bus = createCommandBus<BusinessCommand>(store, commandRoutes);
    await bus.execute(register, by);
    await bus.execute(start, by);
    await bus.execute({ type: 'DeactivateConsultant', occurredAt: at, data: { consultantId: 'k-1' } }, by);
    const head = await store.headPosition();

    await expect(bus.execute(logHours('e-1'), by)).rejects.toMatchObject({ code: 'consultant.inactive' });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses hours by a consultant it has never heard of', async () => {
    const bus = createCommandBus<BusinessCommand>(store, commandRoutes);
    await bus.execute(start, by);

    await expect(bus.execute(logHours('e-1'), by)).rejects.toMatchObject({ code: 'consultant.unknown' });
    expect(await collect(store.readStream('Project-p-1'))).toHaveLength(1);
  });

  it('rejects an unknown command type with a validation error', async () => {
    const bus = createCommandBus<BusinessCommand>(store, commandRoutes);
    const unknown = { type: 'PayEveryone', occurredAt: at, data: {} } as unknown as BusinessCommand;

    await expect(bus.execute(unknown, by)).rejects.toBeInstanceOf(ValidationError);
    expect(await store.headPosition()).toBeNull();
  });
});
