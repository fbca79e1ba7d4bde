import { beforeAll, describe, expect, it } from 'vitest';
import type { BusinessCommand } from '../aggregates';
import { generateHistory, type HistoryOptions } from './generate-history';

const defaults: HistoryOptions = { seed: 42, consultants: 5, years: 2, startDate: '2024-07-01' };

function take(options: HistoryOptions, count: number): BusinessCommand[] {
  const taken: BusinessCommand[] = [];
  for (const command of generateHistory(options)) if (taken.push(command) >= count) break;
  return taken;
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const countByType = (commands: Iterable<BusinessCommand>) => countBy(commands, (command) => command.type);

describe('generated history', () => {
  let history: BusinessCommand[];
  let counts: Map<string, number>;
  beforeAll(() => {
    history = [...generateHistory(defaults)];
    counts = countByType(history);
  });
  const of = <T extends BusinessCommand['type']>(type: T) => history.filter((command): command is Extract<BusinessCommand, { type: T }> => command.type === type);

  it('is the same for the same seed and different for another seed', () => {
    expect(take(defaults, 3_000)).toEqual(history.slice(0, 3_000));
    expect(take({ ...defaults, seed: 43 }, 3_000)).not.toEqual(history.slice(0, 3_000));
  });

  it('happens on Brisbane working days, between 08:00 and 18:00, in order', () => {
    const outside = history.filter((command) => {
      const local = new Date(Date.parse(command.occurredAt) + 10 * 3_600_000);
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      return local.getUTCDay() % 6 === 0 || minute < 8 * 60 || minute > 18 * 60;
    });
    expect(outside).toEqual([]);
    expect(history.every((command, index) => index === 0 || command.occurredAt >= history[index - 1]!.occurredAt)).toBe(true);
  });

  it('models five consultants logging about 60,000 entries in two years, a few corrected or deleted', () => {
    expect(counts.get('RegisterConsultant')).toBe(5);
    expect(counts.get('LogHours')).toBeGreaterThan(54_000);
    expect(counts.get('LogHours')).toBeLessThan(66_000);
    expect(of('LogHours').filter((command) => command.data.billable).length / counts.get('LogHours')!).toBeCloseTo(0.87, 1);
    expect(counts.get('CorrectTimeEntry')).toBeGreaterThan(1_000);
    expect(counts.get('DeleteTimeEntry')).toBeGreaterThan(300);
    expect(counts.get('RecordTimeOff')).toBeGreaterThan(150);
    expect(counts.get('ChangeConsultantRates')).toBe(10);
  });

  it('models about 40 clients in three tiers, some won from campaign leads, some churned and reactivated', () => {
    const onboarded = of('OnboardClient');
    expect(onboarded.length).toBeGreaterThanOrEqual(35);
    expect(onboarded.length).toBeLessThanOrEqual(55);
    const tiers = countBy(onboarded, (command) => command.data.tier);
    expect(tiers.get('STARTER')).toBeGreaterThan(tiers.get('PROFESSIONAL')!);
    expect(tiers.get('PROFESSIONAL')).toBeGreaterThan(tiers.get('ENTERPRISE')!);
    expect(tiers.get('ENTERPRISE')).toBeGreaterThan(0);
    expect(onboarded.filter((command) => command.data.sourceLeadId !== null).length).toBeGreaterThan(10);
    expect(onboarded.filter((command) => command.data.sourceCampaignId !== null).length).toBeGreaterThan(3);
    expect(of('StartRetainer').filter((command) => command.data.billingPeriod === 'ANNUAL').length).toBeGreaterThan(0);
    for (const type of ['ChangeClientTier', 'ChangeRetainerAmount', 'OffboardClient', 'ReactivateClient', 'LoseLead', 'ReopenLead'] as const) {
      expect(counts.get(type), type).toBeGreaterThan(0);
    }
  });

  it('models about 150 projects, some late and some cancelled, invoiced and paid in part, late or never', () => {
    expect(counts.get('StartProject')).toBeGreaterThan(130);
    expect(counts.get('StartProject')).toBeLessThan(180);
    const dueOn = new Map(of('StartProject').map((command) => [command.data.projectId, command.data.dueOn]));
    expect(of('CompleteProject').filter((command) => command.data.completedOn > dueOn.get(command.data.projectId)!).length).toBeGreaterThan(20);
    expect(counts.get('CancelProject')).toBeGreaterThan(5);
    const kinds = countBy(of('IssueInvoice'), (command) => command.data.kind);
    expect(kinds.get('RECURRING')).toBeGreaterThan(500);
    expect(kinds.get('ONE_OFF')).toBeGreaterThan(250);
    expect(counts.get('RecordPayment')).toBeGreaterThan(counts.get('IssueInvoice')! * 0.9);
    expect(counts.get('VoidInvoice')).toBeGreaterThan(3);
  });

  it('grows with scale: twice the scale, about twice the time entries and clients', () => {
    const oneYear = { ...defaults, years: 1 };
    const single = countByType(generateHistory(oneYear));
    const double = countByType(generateHistory({ ...oneYear, scale: 2 }));
    expect(double.get('LogHours')! / single.get('LogHours')!).toBeCloseTo(2, 0);
    expect(double.get('OnboardClient')! / single.get('OnboardClient')!).toBeGreaterThan(1.6);
  });
});
