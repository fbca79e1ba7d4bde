import { describe, expect, it } from 'vitest';
import { fixtureDelivery, fixtureNames } from '../../testing/tools/fixture-deliveries';
import { maxJsonDepth, nestsDeeperThan } from './json-depth';

const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;

describe('JSON nesting depth', () => {
  it('lets every sample payload of every tool through', () => {
    expect(fixtureNames.filter((name) => nestsDeeperThan(fixtureDelivery(name).payload))).toEqual([]);
  });

  it(`allows ${maxJsonDepth} levels of objects and arrays and refuses one more`, () => {
    expect(nestsDeeperThan(nested(maxJsonDepth))).toBe(false);
    expect(nestsDeeperThan(nested(maxJsonDepth + 1))).toBe(true);
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(maxJsonDepth + 1)}${']'.repeat(maxJsonDepth + 1)}`))).toBe(true);
  });

  it('walks a body nested a million levels deep without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(1_000_000))).toBe(true);
  });
});
