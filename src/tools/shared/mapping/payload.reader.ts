import { ValidationError } from '../../../core/errors';
import type { Json } from '../../../core/read-store.port';

export type JsonObject = { [key: string]: Json };

export const invalidPayloadCode = 'ingest.invalid_payload';

/** A payload lacks what its kind needs; the translator turns it into an `invalid` outcome. */
export function payloadInvalid(path: string, expected: string, value: Json | undefined): ValidationError {
  return new ValidationError(invalidPayloadCode, `${path} must be ${expected}, got ${JSON.stringify(value) ?? 'nothing'}`, { path });
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tools render nulls as "", "None" (Plane v2 docs) or leave them out: all mean "no value". */
const isAbsent = (value: Json | undefined) => value === undefined || value === null || value === '' || value === 'None';

/**
 * Typed, path-aware reads of a JSON payload. Every failed read throws one validation error naming
 * the field, so translators read fields in a straight line and the edge reports what was missing.
 */
export class Fields {
  private constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: Json | undefined, path = 'payload'): Fields {
    if (!isObject(value)) throw payloadInvalid(path, 'an object', value);
    return new Fields(value, path);
  }

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  raw(key: string): Json | undefined {
    return this.value[key];
  }

  has(key: string): boolean {
    return !isAbsent(this.value[key]);
  }

  object(key: string): Fields {
    return Fields.of(this.value[key], this.at(key));
  }

  optionalObject(key: string): Fields | null {
    const value = this.value[key];
    return isObject(value) ? new Fields(value, this.at(key)) : null;
  }

  /** A non-empty string; whole numbers are accepted and kept as strings (ids travel as strings). */
  string(key: string): string {
    const value = this.optionalString(key);
    if (value === null) throw payloadInvalid(this.at(key), 'a non-empty string', this.value[key]);
    return value;
  }

  optionalString(key: string): string | null {
    const value = this.value[key];
    if (isAbsent(value)) return null;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw payloadInvalid(this.at(key), 'a string', value);
  }

  number(key: string): number {
    const value = this.optionalNumber(key);
    if (value === null) throw payloadInvalid(this.at(key), 'a number', this.value[key]);
    return value;
  }

  optionalNumber(key: string): number | null {
    const value = this.value[key];
    if (isAbsent(value)) return null;
    const number = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) throw payloadInvalid(this.at(key), 'a number', value);
    return number;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.value[key];
    if (isAbsent(value)) return fallback;
    if (typeof value !== 'boolean') throw payloadInvalid(this.at(key), 'true or false', value);
    return value;
  }

  /** The objects of an array (absent: empty); anything else in it is invalid. */
  list(key: string): Fields[] {
    const value = this.value[key];
    if (isAbsent(value)) return [];
    if (!Array.isArray(value)) throw payloadInvalid(this.at(key), 'an array', value);
    return value.map((item, index) => Fields.of(item, `${this.at(key)}[${index}]`));
  }
}
