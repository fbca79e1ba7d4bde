import { describe, expect, it } from 'vitest';
import { KeyRateLimiter } from './key-rate-limiter';

describe('the per-key limiter', () => {
  it('gives a key its burst, then one token per refill interval, and other keys their own', () => {
    let now = 0;
    const limiter = new KeyRateLimiter({ ratePerMinute: 60, rateBurst: 3, maxConcurrentPerKey: 1 }, () => now);

    const burst = [1, 2, 3, 4].map(() => limiter.take('a'));
    const other = limiter.take('b');
    now += 1_000;
    const afterASecond = [limiter.take('a'), limiter.take('a')];

    expect(burst).toEqual([true, true, true, false]);
    expect(other).toBe(true);
    expect(afterASecond).toEqual([true, false]);
  });

  it('works on a key\'s requests a few at a time: the next waits until one is released', async () => {
    const limiter = new KeyRateLimiter({ ratePerMinute: 60, rateBurst: 10, maxConcurrentPerKey: 2 });
    const first = await limiter.enter('a');
    await limiter.enter('a');
    let thirdAdmitted = false;
    const third = limiter.enter('a').then((release) => ((thirdAdmitted = true), release));
    const otherKey = await limiter.enter('b');

    await new Promise((resolve) => setImmediate(resolve));
    const beforeRelease = thirdAdmitted;
    first();
    await third;

    expect(beforeRelease).toBe(false);
    expect(thirdAdmitted).toBe(true);
    expect(otherKey).toBeTypeOf('function');
  });
});
