import { ValidationError } from '../../core/errors';

/**
 * Relay global ids: base64url (no padding) of `<Type>:<local id>`, e.g. `SW52b2ljZTppbnYtMQ` for
 * Invoice `inv-1`. Opaque to clients and unique across types, although the tools' own ids are not
 * (Invoice Ninja hashes every entity's number with one salt, so an invoice and a client can share
 * `VolejRejNm`). The local id is the domain id the mutations take (`invoiceId`, `clientId`, …).
 */
export function toGlobalId(type: string, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  readonly type: string;
  readonly localId: string;
}

const base64url = /^[A-Za-z0-9_-]{1,1400}$/;
const typeName = /^[A-Z][A-Za-z]{0,63}$/;

/** The type and local id inside a global id, or null when `id` is not one (any type name). */
export function decodeGlobalId(id: string): DecodedGlobalId | null {
  if (!base64url.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  // Only the canonical spelling of an encoding counts: a domain id that merely decodes is not one.
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) return null;
  const colon = text.indexOf(':');
  if (colon < 1 || colon === text.length - 1) return null;
  const type = text.slice(0, colon);
  return typeName.test(type) ? { type, localId: text.slice(colon + 1) } : null;
}

/** Decodes a global id of one of `types`; anything else is BAD_USER_INPUT (`node.invalid_id`, `node.unknown_type`). */
export function parseGlobalId(id: string, types: ReadonlySet<string>, field = 'id'): DecodedGlobalId {
  const decoded = decodeGlobalId(id);
  if (decoded === null) throw new ValidationError('node.invalid_id', `${field} is not a global id (base64url of <Type>:<id>), got "${id.slice(0, 60)}"`, { field });
  if (!types.has(decoded.type)) {
    throw new ValidationError('node.unknown_type', `${field} names type "${decoded.type.slice(0, 60)}", which is not a Node of this API`, { field });
  }
  return decoded;
}

/**
 * The local id a look-up such as `invoice(id:)` means: the domain id as given, or the local id of
 * a global id of `type`. A global id of another type is BAD_USER_INPUT (`node.wrong_type`).
 */
export function localIdFor(type: string, id: string, nodeTypes: ReadonlySet<string>): string {
  const decoded = decodeGlobalId(id);
  if (decoded === null || !nodeTypes.has(decoded.type)) return id;
  if (decoded.type !== type) throw new ValidationError('node.wrong_type', `id is the global id of a ${decoded.type}, not of a ${type}`, { field: 'id' });
  return decoded.localId;
}
