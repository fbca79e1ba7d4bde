import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '../core/ids';

/**
 * Time-ordered UUIDs (version 7 layout) from a counter: the start time, random bits drawn once,
 * then the counter. Unique within one generator and sorted like `randomId`'s, without asking the
 * system for randomness a million times — for filling stores with generated histories.
 */
export function sequentialIds(startedAt: number = Date.now()): IdGenerator {
  const time = startedAt.toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(4).toString('hex');
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${(8 + (parseInt(random[3]!, 16) & 3)).toString(16)}${random.slice(4, 7)}-`;
  let counter = 0;
  return () => `${prefix}${(counter++).toString(16).padStart(12, '0')}`;
}
