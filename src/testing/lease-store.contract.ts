import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeaseStore } from '../core/lease.port';
import type { Clock } from '../core/time';

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-03-01T10:00:00.000Z')): Clock & { advance(ms: number): void } {
  let now = start;
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => void (now += ms) });
}

/**
 * The contract every LeaseStore adapter passes. `open` gets the clock the store must use; two
 * stores opened on the same place stand for two processes.
 */
export function leaseStoreContract(adapterName: string, open: (clock: Clock) => Promise<{ first: LeaseStore; second: LeaseStore }>): void {
  describe(`LeaseStore contract: ${adapterName}`, () => {
    let clock: ReturnType<typeof manualClock>;
    let a: LeaseStore;
    let b: LeaseStore;
    let name: string;
    beforeEach(async () => {
      clock = manualClock();
      ({ first: a, second: b } = await open(clock));
      name = `projection:p${randomBytes(4).toString('hex')}`;
    });
    afterEach(async () => {
      await a.close();
      await b.close();
    });

    it('grants a free lease with a token, until the TTL from now', async () => {
      const grant = await a.tryAcquire(name, 'api-1', 10_000);
      expect(grant).toMatchObject({ name, holder: 'api-1', expiresAt: clock().getTime() + 10_000 });
      expect(grant!.token).toBeGreaterThan(0);
    });

    it('refuses a lease another process holds while it runs', async () => {
      await a.tryAcquire(name, 'worker-1', 10_000);
      clock.advance(9_999);
      expect(await b.tryAcquire(name, 'worker-2', 10_000)).toBeNull();
    });

    it('renews for the same holder, keeping its token', async () => {
      const first = await a.tryAcquire(name, 'worker-1', 10_000);
      clock.advance(5_000);
      const renewed = await a.tryAcquire(name, 'worker-1', 10_000);
      expect(renewed).toEqual({ ...first, expiresAt: clock().getTime() + 10_000 });
    });

    it('hands an expired lease to another holder with a higher token', async () => {
      const first = await a.tryAcquire(name, 'worker-1', 10_000);
      clock.advance(10_001);
      const taken = await b.tryAcquire(name, 'worker-2', 10_000);
      expect(taken?.holder).toBe('worker-2');
      expect(taken!.token).toBeGreaterThan(first!.token);
      expect(await a.tryAcquire(name, 'worker-1', 10_000)).toBeNull();
    });

    it('frees a released lease at once, and ignores a release by a holder that lost it', async () => {
      const first = await a.tryAcquire(name, 'worker-1', 10_000);
      await a.release(first!);
      const second = await b.tryAcquire(name, 'worker-2', 10_000);
      expect(second?.holder).toBe('worker-2');
      await a.release(first!);
      expect(await a.tryAcquire(name, 'worker-1', 10_000)).toBeNull();
      expect((await b.list()).find((grant) => grant.name === name)).toEqual(second);
    });

    it('grants one lease to exactly one of many processes asking at once', async () => {
      const asks = Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? a : b).tryAcquire(name, `worker-${index}`, 10_000));
      const granted = (await Promise.all(asks)).filter((grant) => grant !== null);
      expect(granted).toHaveLength(1);
    });

    it('hands an expired lease to exactly one of many processes taking it over at once', async () => {
      const first = await a.tryAcquire(name, 'worker-0', 10_000);
      clock.advance(10_001);
      const asks = Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? a : b).tryAcquire(name, `worker-${index + 1}`, 10_000));
      const granted = (await Promise.all(asks)).filter((grant) => grant !== null);
      expect(granted).toHaveLength(1);
      expect(granted[0]!.token).toBeGreaterThan(first!.token);
      expect((await a.list()).find((grant) => grant.name === name)).toEqual(granted[0]);
    });

    it('lets a late renewal by the holder that lost the lease take nothing back', async () => {
      const first = await a.tryAcquire(name, 'worker-1', 10_000);
      clock.advance(10_001);
      // The old holder renews while the taker takes over: whichever lands, there is one holder
      const [renewed, taken] = await Promise.all([a.tryAcquire(name, 'worker-1', 10_000), b.tryAcquire(name, 'worker-2', 10_000)]);
      const holders = [renewed, taken].filter((grant) => grant !== null);
      expect(holders).toHaveLength(1);
      const stored = (await b.list()).find((grant) => grant.name === name);
      expect(stored).toEqual(holders[0]);
      expect(holders[0]!.token).toBeGreaterThanOrEqual(first!.token);
    });
  });
}
