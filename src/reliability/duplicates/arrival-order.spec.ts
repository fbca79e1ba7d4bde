import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../core/business-time';
import { canonicalJson } from '../support/read-model-snapshot';
import { differences, type RunResult } from './arrival-order';

const leadId = 'mautic:20001';
const stream = `Lead-${leadId}`;
const form = { tool: 'mautic', externalId: 'submission:30001' };
const contact = { tool: 'mautic', externalId: 'contact:20001' };
const line = (type: string, data: object, occurredAt: string, source: object) => canonicalJson({ stream, type, data, occurredAt, source });
const captured = (at: string, source: object) => line('LeadCaptured', { leadId, name: 'Ava', source: 'website', capturedAt: at }, at, source);
const backdated = (at: string, source: object) => line('LeadCaptureBackdated', { leadId, capturedAt: at }, at, source);
const [submittedAt, identifiedAt] = ['2026-05-27T10:00:02.000Z', '2026-05-27T10:00:03.000Z'];
const period = resolvePeriod({ from: '2026-05-01', to: '2026-09-01' }, 'Australia/Brisbane');

/** A run's facts, with the lead's document and the leads KPI fed by `events` events. */
function run(facts: string[], events = facts.length): RunResult {
  const lead = { leadId, capturedAt: submittedAt, _events: events };
  return { facts, documents: { leads: { [leadId]: lead } }, kpis: { salesPipelineDashboard: { leadsBySource: { eventCount: events, value: { captured: 1 } } } } };
}

const inOrder = run([captured(submittedAt, form)]);

describe('runs compared across arrival orders', () => {
  it('read a capture backdated by an earlier one recorded after it as the earliest capture recorded first', () => {
    const reordered = run([captured(identifiedAt, contact), backdated(submittedAt, form)]);
    expect(differences(inOrder, reordered, period)).toEqual({ facts: [], documents: [], kpis: [] });
  });

  it('still show a backdate recorded twice, one not earlier than the capture, and a capture time that differs', () => {
    const twice = run([captured(identifiedAt, contact), backdated(submittedAt, form), backdated(submittedAt, form)]);
    const notEarlier = run([captured(submittedAt, form), backdated(submittedAt, form)]);
    const later = run([captured(identifiedAt, contact)]);
    expect(differences(inOrder, twice, period).facts).toEqual([`+ ${backdated(submittedAt, form)}`]);
    expect(differences(inOrder, notEarlier, period).facts).toEqual([`+ ${backdated(submittedAt, form)}`]);
    expect(differences(inOrder, later, period).facts).toHaveLength(2);
  });

  it('still show an event folded twice into the lead and counted twice by the leads KPI', () => {
    const foldedTwice = run([captured(identifiedAt, contact), backdated(submittedAt, form)], 3);
    expect(differences(inOrder, foldedTwice, period)).toMatchObject({ facts: [], documents: [`leads/${leadId}`], kpis: ['salesPipelineDashboard.leadsBySource'] });
  });
});
