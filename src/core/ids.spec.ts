import { describe, expect, it } from 'vitest';
import { deterministicId, randomId, uuidV7 } from './ids';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('creates version-7 UUIDs that sort by creation time', () => {
    const earlier = uuidV7(Date.parse('2026-01-01T00:00:00Z'));
    const later = uuidV7(Date.parse('2026-01-01T00:00:00.001Z'));
    expect(earlier).toMatch(uuid);
    expect(earlier[14]).toBe('7');
    expect(earlier < later).toBe(true);
    expect(randomId()).not.toBe(randomId());
  });

  it('never repeats a random id, however many are made', () => {
    const made = Array.from({ length: 5_000 }, () => randomId());

    expect(new Set(made).size).toBe(5_000);
    expect(made.every((id) => uuid.test(id))).toBe(true);
  });

  it('derives the same version-5 UUID from the same name, and another from another name', () => {
    expect(deterministicId('Invoice-1\u0000key\u00000')).toBe(deterministicId('Invoice-1\u0000key\u00000'));
    expect(deterministicId('a')).not.toBe(deterministicId('b'));
    expect(deterministicId('a')).toMatch(uuid);
    expect(deterministicId('a')[14]).toBe('5');
  });
});
