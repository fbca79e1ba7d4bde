import { expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

it('gives its capacity at once, then refills continuously over the period', () => {
  const bucket = new TokenBucket(3, 60_000, 0);
  expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
  expect(bucket.take(19_999)).toBe(false);
  expect(bucket.take(20_000)).toBe(true);
  expect(bucket.take(20_000)).toBe(false);
  expect([bucket.take(600_000), bucket.take(600_000), bucket.take(600_000), bucket.take(600_000)]).toEqual([true, true, true, false]);
});
