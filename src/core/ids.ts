import { createHash, randomFillSync } from 'node:crypto';

export type IdGenerator = () => string;

/**
 * A time-ordered UUID (version 7: 48 bits of Unix milliseconds, then random bits). Ids created
 * close together sort close together, so the store's unique index on event ids stays compact and
 * cheap to write, unlike fully random (v4) ids.
 */
export const randomId: IdGenerator = () => uuidV7(Date.now());

/** Random bytes drawn 4 KiB at a time: one system call per 256 ids instead of one each (as `randomUUID` does). */
const randomPool = Buffer.alloc(16 * 256);
let poolOffset = randomPool.length;

function random16(): Buffer {
  if (poolOffset === randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return randomPool.subarray(poolOffset - 16, poolOffset);
}

export function uuidV7(unixMillis: number): string {
  const bytes = random16();
  bytes.writeUIntBE(unixMillis, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const zixlyNamespace = 'b3f0a0e2-5c7d-4c1e-9a55-6f0d2a7e4c11';

/**
 * A name-based UUID (version 5) — the same name always gives the same id. Used to derive event ids
 * from an idempotency key, so that a retried request re-appends identical ids and stores nothing.
 */
export function deterministicId(name: string, namespace: string = zixlyNamespace): string {
  const hash = createHash('sha1').update(namespace).update('\u0000').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return formatUuid(hash.subarray(0, 16));
}
