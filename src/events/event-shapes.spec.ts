import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideHistory } from '../demo/decide-history';
import { generateHistory } from '../demo/generate-history';
import { eventShapes } from './event-shapes';
import { eventShapesSource, generateEventShapes } from './event-shapes.generate';
import { eventDataProblem } from './event-validation';

describe('event data shapes', () => {
  it('are the committed generation of the *.events.ts types (regenerate with npm run event-shapes)', () => {
    const fresh = eventShapesSource(generateEventShapes(join(__dirname, '..')));

    expect(readFileSync(join(__dirname, 'event-shapes.ts'), 'utf8')).toBe(fresh);
  }, 60_000);

  it('accept every event of a generated year of history', async () => {
    const problems = new Map<string, string>();
    const types = new Set<string>();
    for await (const { events } of decideHistory(generateHistory({ seed: 7, consultants: 3, years: 1, startDate: '2025-01-01' }))) {
      for (const event of JSON.parse(JSON.stringify(events)) as Array<{ type: string; data: object }>) {
        types.add(event.type);
        const problem = eventDataProblem(event.type, event.data);
        if (problem) problems.set(event.type, problem);
      }
    }

    expect([...problems.values()]).toEqual([]);
    expect(types.size).toBeGreaterThan(25);
  }, 60_000);

  it('name the first problem of data that is not what its type declares', () => {
    const issued = { invoiceId: 'i', clientId: 'c', projectId: null, number: 'INV-1', amountCents: 100, currency: 'AUD', issuedOn: '2026-01-01', dueOn: '2026-01-31', kind: 'ONE_OFF' };

    expect(eventDataProblem('InvoiceIssued', issued)).toBeNull();
    expect(eventDataProblem('InvoiceIssued', { ...issued, amountCents: '100' })).toBe('InvoiceIssued: data.amountCents must be a number, got string');
    expect(eventDataProblem('InvoiceIssued', { ...issued, kind: 'FREE' })).toBe('InvoiceIssued: data.kind must be one of ONE_OFF, RECURRING, got "FREE"');
    expect(eventDataProblem('InvoiceIssued', { ...issued, clientId: undefined })).toBe('InvoiceIssued: data.clientId is missing');
    expect(eventDataProblem('InvoiceExploded', issued)).toBe('unknown event type InvoiceExploded');
    expect(Object.keys(eventShapes)).toContain('ApiKeyCreated');
  });
});
