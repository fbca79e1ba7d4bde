import { describe, expect, it } from 'vitest';
import type { BusinessCommand } from '../aggregates';
import { DomainRuleError } from '../core/errors';
import type { TranslatedCommand } from './delivery';
import { changedLaterInTranslation } from './superseded-create';

const source = { tool: 'plane', externalId: 'worklog:1' };
const correct: TranslatedCommand = {
  command: { type: 'CorrectTimeEntry', occurredAt: '2026-05-23T09:00:00.000Z', data: { projectId: 'p-1', entryId: 'e-1', workDate: '2026-05-22', hours: 3, billable: true } } as BusinessCommand,
  source,
};
const reused = new DomainRuleError('time_entry.exists_with_other_facts', 'exists', { changedBy: 'CorrectTimeEntry' });

describe('a create refused because its id exists with other facts', () => {
  it('is passed over when the correction that changes it follows in the same translation', () => {
    expect(changedLaterInTranslation(reused, [correct])).toBe(true);
  });

  it('fails the translation when no command that changes it follows', () => {
    expect(changedLaterInTranslation(reused, [])).toBe(false);
  });

  it('fails the translation when no command changes such facts at all (a payment)', () => {
    expect(changedLaterInTranslation(new DomainRuleError('payment.exists_with_other_facts', 'exists', { changedBy: null }), [correct])).toBe(false);
  });

  it('never passes over other rule violations', () => {
    expect(changedLaterInTranslation(new DomainRuleError('project.not_active', 'closed', { changedBy: 'CorrectTimeEntry' }), [correct])).toBe(false);
  });
});
