import type { IncomingHttpHeaders } from 'node:http';

/** Headers that carry credentials whatever the tool; signatures and configured secret headers are added per tool. */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** Custom headers are named freely on Invoice Ninja and Nextcloud subscriptions: anything that sounds like a credential stays out. */
const credentialLike = /secret|token|signature|password|passwd|api[-_]?key|auth|session/i;
const maxHeaders = 40;
const maxValueLength = 512;

/** Request headers as plain lower-case strings (repeated ones joined as node joins them). */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * The headers worth keeping with a delivery or a rejection: never a secret or a signature, and
 * bounded in number and length so a request cannot make its record large.
 */
export function safeHeaders(headers: Readonly<Record<string, string>>, secretHeaders: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (credentialHeaders.has(name) || secretHeaders.includes(name) || credentialLike.test(name)) continue;
    if (count++ >= maxHeaders) break;
    kept[name] = value.length > maxValueLength ? `${value.slice(0, maxValueLength)}…` : value;
  }
  return kept;
}
