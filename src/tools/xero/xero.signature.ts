import { digestsEqual, fromBase64, hmacSha256, mismatch, missing, type SignatureVerifier } from '../../ingest/receiver/signature-check';

const header = 'x-xero-signature';

/**
 * `x-xero-signature`: base64 HMAC-SHA256 of the raw body with the app's webhook key. The
 * intent-to-receive handshake mixes correctly and incorrectly signed requests, so this check alone
 * decides 200 or 401.
 */
export const verifyXero: SignatureVerifier = ({ raw, headers, secret }) => {
  const given = headers[header];
  if (given === undefined || given === '') return missing(header);
  return digestsEqual(hmacSha256(secret, raw), fromBase64(given.trim())) ? null : mismatch(header);
};
