import { beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../adapters/sqlite/sqlite-event-store';
import { type BusinessCommand, commandRoutes } from '../aggregates';
import { createCommandBus } from '../aggregates/command-bus';
import { collect } from '../core/event-store.port';
import { type DecidedAppend, decideHistory } from './decide-history';
import { generateHistory } from './generate-history';

const oneConsultantYear = { seed: 7, consultants: 1, years: 1, startDate: '2025-01-06' };

type StreamFacts = Record<string, Array<{ type: string; data: unknown }>>;

/** Types and data per stream, as JSON would store them. */
function factsByStream(appends: Iterable<{ stream: string; type: string; data: unknown }>): StreamFacts {
  const streams: StreamFacts = {};
  for (const { stream, type, data } of appends) (streams[stream] ??= []).push({ type, data: JSON.parse(JSON.stringify(data)) });
  return streams;
}

describe('deciding a generated history without the command handler', () => {
  let commands: BusinessCommand[];
  let appends: DecidedAppend[];
  beforeAll(async () => {
    commands = [...generateHistory(oneConsultantYear)];
    appends = await collect(decideHistory(commands));
  });

  it('has every command of one consultant-year accepted, in the order they occurred', () => {
    expect(commands.length).toBeGreaterThan(10_000);
    expect(appends).toHaveLength(commands.length);
    expect(appends.every((append) => append.events.length > 0)).toBe(true);
    expect(commands.filter((command, index) => index > 0 && command.occurredAt < commands[index - 1]!.occurredAt)).toEqual([]);
  });

  it('stamps each event with the command’s instant, the demo actor and one correlation id per command', () => {
    const [first] = appends;
    expect(first!.events[0]!.metadata).toMatchObject({ occurredAt: new Date(commands[0]!.occurredAt).toISOString(), actor: 'demo', causationId: null });
    const correlations = new Set(appends.map((append) => append.events[0]!.metadata.correlationId));
    expect(correlations.size).toBe(appends.length);
  });

  it('gives, stream by stream, the event types and data the real command bus stores on SQLite', async () => {
    const store = await openSqliteEventStore({ path: ':memory:' });
    try {
      const bus = createCommandBus<BusinessCommand>(store, commandRoutes);
      for (const command of commands) await bus.execute(command, { actor: 'demo' });
      const viaBus = factsByStream(await collect(store.readAll()));
      const viaMemory = factsByStream(appends.flatMap(({ stream, events }) => events.map((event) => ({ stream, ...event }))));
      expect(Object.keys(viaMemory)).toHaveLength(Object.keys(viaBus).length);
      expect(viaMemory).toEqual(viaBus);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('has the first months of the benchmark-sized firm (scale 13.5) accepted too', async () => {
    const firstCommands: BusinessCommand[] = [];
    for (const command of generateHistory({ ...oneConsultantYear, consultants: 5, scale: 13.5 })) if (firstCommands.push(command) >= 40_000) break;
    expect(await collect(decideHistory(firstCommands))).toHaveLength(40_000);
  });

  it('fails loudly, naming the command, when a generated command breaks a rule', async () => {
    const orphan: BusinessCommand = {
      type: 'LogHours',
      occurredAt: '2025-01-07T00:00:00.000Z',
      data: { projectId: 'pr-none', entryId: 'te-1', consultantId: 'co-001', workDate: '2025-01-07', hours: 1, billable: true },
    };
    await expect(collect(decideHistory([orphan]))).rejects.toThrow(/#0 LogHours at 2025-01-07T00:00:00.000Z on Project-pr-none was rejected with project.not_active/);
  });

  it('fails loudly when a generated command changes nothing', async () => {
    const campaign: BusinessCommand = { type: 'LaunchCampaign', occurredAt: '2025-01-07T00:00:00.000Z', data: { campaignId: 'cp-1', name: 'Launch', channel: 'email' } };
    await expect(collect(decideHistory([campaign, campaign]))).rejects.toThrow(/#1 LaunchCampaign .* changed nothing/);
  });
});
