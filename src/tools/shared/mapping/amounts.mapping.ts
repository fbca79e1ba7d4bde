import type { Json } from '../../../core/read-store.port';
import { payloadInvalid } from './payload.reader';

const decimal = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Money as integer cents, from a decimal string or a JSON number. Numbers go through their
 * shortest decimal spelling (`String(19.99)` is "19.99"), so no binary float arithmetic touches the
 * amount; a third decimal rounds half away from zero.
 */
export function toCents(value: Json | undefined, path: string): number {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const match = typeof text === 'string' ? decimal.exec(text.trim()) : null;
  if (!match) throw payloadInvalid(path, 'a decimal amount', value);
  const [, sign, whole, fraction = ''] = match;
  const padded = `${fraction}000`;
  const roundUp = Number(padded[2]) >= 5 ? 1 : 0;
  const cents = Number(whole) * 100 + Number(padded.slice(0, 2)) + roundUp;
  if (!Number.isSafeInteger(cents)) throw payloadInvalid(path, 'an amount below 2^53 cents', value);
  return sign === '-' ? -cents : cents;
}

/** Hours in hundredths, as the project decider keeps them. */
export function hoursFromSeconds(seconds: number): number {
  return Math.round(seconds / 36) / 100;
}

export function hoursFromMinutes(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}
