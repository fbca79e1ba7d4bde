import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a request failed verification; becomes the rejection reason and the 401 message. */
export type SignatureFailure = { readonly reason: 'missing_signature' | 'bad_signature' | 'stale_timestamp'; readonly detail: string };

/** `null` when the request is authentic. */
export type SignatureResult = SignatureFailure | null;

export interface SignatureInput {
  readonly raw: Buffer;
  /** Lower-case header names; repeated headers joined with ", " as node does. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly secret: string;
  readonly now: Date;
}

export type SignatureVerifier = (input: SignatureInput) => SignatureResult;

export const missing = (header: string): SignatureFailure => ({ reason: 'missing_signature', detail: `missing ${header} header` });
export const mismatch = (header: string): SignatureFailure => ({ reason: 'bad_signature', detail: `${header} does not match the request body` });

export function hmacSha256(secret: string, ...parts: Array<string | Buffer>): Buffer {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/**
 * Constant-time equality of two digests. Lengths are compared first (a length says nothing about
 * the secret), then `timingSafeEqual` on equal-length buffers.
 */
export function digestsEqual(expected: Buffer, given: Buffer | null): boolean {
  if (given === null || given.length !== expected.length) return false;
  return timingSafeEqual(expected, given);
}

/** Lower-case or upper-case hex of exactly `bytes` bytes, else null. */
export function fromHex(value: string, bytes = 32): Buffer | null {
  return new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value) ? Buffer.from(value, 'hex') : null;
}

/** Standard base64 (padding optional) of exactly `bytes` bytes, else null. */
export function fromBase64(value: string, bytes = 32): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === bytes ? decoded : null;
}

/**
 * A static shared secret sent in a header. Both sides are hashed with the secret first, so the
 * comparison is constant-time whatever length the sender sent.
 */
export function sharedSecretVerifier(header: string): SignatureVerifier {
  return ({ headers, secret }) => {
    const given = headers[header];
    if (given === undefined || given === '') return missing(header);
    return digestsEqual(hmacSha256(secret, secret), hmacSha256(secret, given)) ? null : mismatch(header);
  };
}
