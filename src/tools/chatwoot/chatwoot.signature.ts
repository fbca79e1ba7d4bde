import { digestsEqual, fromHex, hmacSha256, mismatch, missing, type SignatureVerifier } from '../../ingest/receiver/signature-check';

const signatureHeader = 'x-chatwoot-signature';
const timestampHeader = 'x-chatwoot-timestamp';

/** Chatwoot sends no replay protection of its own: a signed timestamp further than this from now is refused. */
export const chatwootToleranceSeconds = 300;

/**
 * `X-Chatwoot-Signature: sha256=<hex>` = HMAC-SHA256 over `"{X-Chatwoot-Timestamp}.{raw body}"`.
 * The signature is checked first, so an unsigned request never learns whether its timestamp would pass.
 */
export const verifyChatwoot: SignatureVerifier = ({ raw, headers, secret, now }) => {
  const signature = headers[signatureHeader];
  const timestamp = headers[timestampHeader];
  if (signature === undefined || signature === '') return missing(signatureHeader);
  if (timestamp === undefined || timestamp === '') return missing(timestampHeader);
  const given = signature.startsWith('sha256=') ? fromHex(signature.slice('sha256='.length).trim()) : null;
  if (!digestsEqual(hmacSha256(secret, timestamp, '.', raw), given)) return mismatch(signatureHeader);
  if (!/^\d{1,12}$/.test(timestamp)) return { reason: 'stale_timestamp', detail: `${timestampHeader} must be Unix seconds, got "${timestamp}"` };
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > chatwootToleranceSeconds) {
    return { reason: 'stale_timestamp', detail: `${timestampHeader} is ${Math.round(skew)} s from now; at most ${chatwootToleranceSeconds} s is accepted` };
  }
  return null;
};
