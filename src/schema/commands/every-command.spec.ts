import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTypes } from '../../aggregates';
import { collect } from '../../core/event-store.port';
import { ApiClient } from '../../testing/api-client';
import { everyCommand, mutationFor, mutationOf } from '../../testing/schema/every-command.fixture';

type Payload = { status: string; replayed: boolean; stream: string; revision: string; position: string; events: { id: string; type: string; revision: string; position: string }[] };

describe('a mutation per business command', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await ApiClient.start();
  });
  afterAll(() => api.stop());

  it('covers every command type of the business', () => {
    const covered = new Set(everyCommand.map((row) => row.type));
    expect(commandTypes.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('exposes each command as an EDITOR mutation taking input, occurredAt, expectedRevision, idempotencyKey and waitForProjections', async () => {
    const { data } = await api.execute<{ __schema: { mutationType: { fields: { name: string; args: { name: string }[] }[] } } }>(
      '{ __schema { mutationType { fields { name args { name } } } } }',
    );
    const fields = new Map(data!.__schema.mutationType.fields.map((field) => [field.name, field.args.map((arg) => arg.name).sort()]));
    for (const type of commandTypes) {
      expect(fields.get(mutationOf(type)), type).toEqual(['expectedRevision', 'idempotencyKey', 'input', 'occurredAt', 'waitForProjections']);
    }
  });

  // Sequential on purpose: each row relies on the ones before it (a payment needs its invoice).
  it.each(everyCommand.map((row, index) => [`${index + 1}. ${mutationOf(row.type)}`, row] as const))('%s records its events', async (_name, row) => {
    const response = await api.execute<Record<string, Payload>>(mutationFor(row.type), { input: row.input }, 'EDITOR');

    expect(response.errors).toBeUndefined();
    const payload = response.data![mutationOf(row.type)]!;
    expect(payload.status).toBe('APPENDED');
    expect(payload.replayed).toBe(false);
    expect(payload.events.map((event) => event.type)).toContain(row.records);
    const stored = await collect(api.services.eventStore.readStream(payload.stream));
    expect(stored.at(-1)!.id).toBe(payload.events.at(-1)!.id);
    expect(payload.revision).toBe(stored.at(-1)!.revision.toString());
    expect(payload.position).toBe(stored.at(-1)!.position.toString());
  });

  it('answers UNCHANGED, with no events, when the command is already satisfied', async () => {
    const onboarding = everyCommand.find((row) => row.type === 'OnboardClient')!;

    const response = await api.execute<Record<string, Payload>>(mutationFor('OnboardClient'), { input: onboarding.input }, 'EDITOR');

    expect(response.errors).toBeUndefined();
    expect(response.data!.onboardClient).toMatchObject({ status: 'UNCHANGED', replayed: false, stream: 'Client-c-1', events: [] });
  });
});
