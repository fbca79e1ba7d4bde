import { describe, expect, it } from 'vitest';
import { decodeGlobalId, localIdFor, parseGlobalId, toGlobalId } from './global-id';

const types = new Set(['Invoice', 'Client', 'Payment']);

describe('global ids', () => {
  it('encodes type and domain id opaquely, so one tool id under two types gives two ids', () => {
    const invoice = toGlobalId('Invoice', 'invoiceninja:VolejRejNm');
    const client = toGlobalId('Client', 'invoiceninja:VolejRejNm');

    expect(invoice).not.toBe(client);
    expect(invoice).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseGlobalId(invoice, types)).toEqual({ type: 'Invoice', localId: 'invoiceninja:VolejRejNm' });
    expect(parseGlobalId(client, types)).toEqual({ type: 'Client', localId: 'invoiceninja:VolejRejNm' });
  });

  it('refuses a malformed id as bad input', () => {
    for (const id of ['', 'inv-1', 'not base64!', toGlobalId('Invoice', 'x').slice(0, -1) + '=', Buffer.from('no colon here').toString('base64url'), Buffer.from('Invoice:').toString('base64url'), 'x'.repeat(5000)]) {
      expect(() => parseGlobalId(id, types), id).toThrow(expect.objectContaining({ code: 'node.invalid_id', kind: 'validation' }));
    }
  });

  it('refuses an id naming a type that is not a Node of the API as bad input', () => {
    expect(() => parseGlobalId(toGlobalId('Secret', 's-1'), types)).toThrow(expect.objectContaining({ code: 'node.unknown_type', kind: 'validation' }));
  });

  it('accepts only the canonical spelling, so a domain id that merely decodes stays a domain id', () => {
    const canonical = toGlobalId('Client', 'c-1');
    expect(decodeGlobalId(canonical)).toEqual({ type: 'Client', localId: 'c-1' });
    expect(decodeGlobalId(`${canonical}=`)).toBeNull();
    expect(decodeGlobalId('c-1')).toBeNull();
  });

  it('lets a look-up by id take the domain id or a global id of its own type, and refuses another type', () => {
    expect(localIdFor('Client', 'c-1', types)).toBe('c-1');
    expect(localIdFor('Client', 'invoiceninja:VolejRejNm', types)).toBe('invoiceninja:VolejRejNm');
    expect(localIdFor('Client', toGlobalId('Client', 'c-1'), types)).toBe('c-1');
    expect(() => localIdFor('Client', toGlobalId('Invoice', 'c-1'), types)).toThrow(expect.objectContaining({ code: 'node.wrong_type', kind: 'validation' }));
  });
});
