import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../schema/build-schema';
import type { Shape } from './event-shape';
import { isEnumeration, withApiEnumCasing } from './event-enum-casing';
import { eventShapes } from './event-shapes';

function enumValuesOf(shape: Shape): string[] {
  if (typeof shape === 'string') return [];
  if ('enum' in shape) return isEnumeration(shape.enum) ? [...shape.enum] : [];
  if ('anyOf' in shape) return shape.anyOf.flatMap(enumValuesOf);
  if ('array' in shape) return enumValuesOf(shape.array);
  if ('record' in shape) return enumValuesOf(shape.record);
  return Object.values(shape.object).flatMap((field) => enumValuesOf(field.shape));
}

describe('enum values in event data, as the API shows them', () => {
  it('upper-cases the values an event type declares as an enum, wherever they sit', () => {
    expect(withApiEnumCasing('CampaignLaunched', { campaignId: 'paid_search', name: 'paid_search', channel: 'paid_search', launchedAt: '2026-03-01T00:00:00.000Z' })).toEqual({
      campaignId: 'paid_search',
      name: 'paid_search',
      channel: 'PAID_SEARCH',
      launchedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(withApiEnumCasing('LeadReopened', { leadId: 'l-1', fromStatus: 'lost', fromStage: 'QUALIFIED', toStage: 'PROSPECT' })).toMatchObject({ fromStatus: 'LOST', fromStage: 'QUALIFIED' });
    const scheduled = { runId: 'r-1', workflow: 'w', trigger: { kind: 'schedule', schedule: 'daily' }, manualMinutes: 5 };
    expect(withApiEnumCasing('WorkflowRunStarted', scheduled)).toEqual(scheduled);
    expect(withApiEnumCasing('ExpenseRecorded', { category: 'oauth_services', paidOn: null, clientId: null })).toMatchObject({ category: 'OAUTH_SERVICES', paidOn: null, clientId: null });
  });

  it('leaves values outside the declared enum, unknown event types and the stored object as they were', () => {
    const stored = { ticketId: 't-1', channel: 'carrier-pigeon' };
    expect(withApiEnumCasing('TicketOpened', stored)).toEqual(stored);
    expect(withApiEnumCasing('SomethingNew', { channel: 'email' })).toEqual({ channel: 'email' });
    const original = { ticketId: 't-1', channel: 'email' };
    withApiEnumCasing('TicketOpened', original);
    expect(original.channel).toBe('email');
  });

  it('shows every enum value any event type declares as a value of a GraphQL enum: one casing', async () => {
    const schema = await buildAppSchema();
    const graphqlValues = new Set(Object.values(schema.getTypeMap()).flatMap((type) => (isEnumType(type) ? type.getValues().map((value) => value.name) : [])));
    const missing = Object.entries(eventShapes).flatMap(([type, shape]) => enumValuesOf(shape).filter((value) => !graphqlValues.has(value.toUpperCase())).map((value) => `${type}: ${value}`));
    expect(missing).toEqual([]);
  });
});
