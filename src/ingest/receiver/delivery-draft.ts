import type { Json } from '../../core/read-store.port';

export type JsonObject = { [key: string]: Json };

/** What a verified request holds, for a tool's dedupe module to split into deliveries. */
export interface DedupeInput {
  readonly raw: Buffer;
  readonly body: JsonObject;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** What follows `/webhooks/<tool>/` in the path, if anything (Invoice Ninja's event name). */
  readonly pathSuffix: string | null;
}

/** One delivery before it is stored: its idempotency key, its kind and its own payload. */
export interface DeliveryDraft {
  readonly dedupeKey: string;
  readonly eventKind: string;
  readonly payload: JsonObject;
}

/** The body is well-formed JSON but lacks what the tool always sends: 400, quarantined as malformed. */
export class MalformedDeliveryError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'MalformedDeliveryError';
  }
}

export type DeliverySplitter = (input: DedupeInput) => DeliveryDraft[];

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as a key part; objects, arrays and absent values are refused with the field named. */
export function keyPart(value: Json | undefined, field: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new MalformedDeliveryError(`${field} is missing`);
}

/** Like `keyPart`, but an absent value is an empty part (for optional parts of a key). */
export function optionalKeyPart(value: Json | undefined): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function objectAt(body: JsonObject, field: string): JsonObject {
  const value = body[field];
  if (!isObject(value)) throw new MalformedDeliveryError(`${field} must be an object`);
  return value;
}
