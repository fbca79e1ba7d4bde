import { digestsEqual, fromBase64, hmacSha256, mismatch, missing, type SignatureVerifier } from '../../ingest/receiver/signature-check';

const header = 'webhook-signature';

/** `Webhook-Signature`: standard base64 of the binary HMAC-SHA256 of the raw body. No timestamp. */
export const verifyMautic: SignatureVerifier = ({ raw, headers, secret }) => {
  const given = headers[header];
  if (given === undefined || given === '') return missing(header);
  return digestsEqual(hmacSha256(secret, raw), fromBase64(given.trim())) ? null : mismatch(header);
};
