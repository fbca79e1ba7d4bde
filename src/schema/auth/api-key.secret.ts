import { createHash, randomBytes } from 'node:crypto';
import { deterministicId } from '../../core/ids';

const keyPrefix = 'zx_';

/** A new secret: `zx_` and 256 random bits, base64url. Shown once; only its hash is stored. */
export function newApiKeySecret(): string {
  return `${keyPrefix}${randomBytes(32).toString('base64url')}`;
}

export function hashOfSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Derived from the hash, so registering the same secret twice (the bootstrap key) yields the same key. */
export function keyIdOf(hash: string): string {
  return deterministicId(`api-key\u0000${hash}`);
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(keyPrefix) && value.length > keyPrefix.length;
}
