import { digestsEqual, fromHex, hmacSha256, mismatch, missing, type SignatureVerifier } from '../../ingest/receiver/signature-check';

const header = 'x-plane-signature';

/** `X-Plane-Signature`: lower-case hex HMAC-SHA256 of the raw body with the webhook's secret. No timestamp. */
export const verifyPlane: SignatureVerifier = ({ raw, headers, secret }) => {
  const given = headers[header];
  if (given === undefined || given === '') return missing(header);
  return digestsEqual(hmacSha256(secret, raw), fromHex(given.trim())) ? null : mismatch(header);
};
