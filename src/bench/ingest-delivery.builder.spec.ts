import { describe, expect, it } from 'vitest';
import { chatwootDeliveries } from '../tools/chatwoot/chatwoot.dedupe';
import { verifyChatwoot } from '../tools/chatwoot/chatwoot.signature';
import { translateChatwoot } from '../tools/chatwoot/chatwoot.translate';
import type { Delivery } from '../ingest/delivery';
import { IdentitySnapshot } from '../ingest/identity/identity-lookup';
import type { JsonObject } from '../ingest/receiver/delivery-draft';
import { conversationCreatedBody, signedChatwootDelivery } from './ingest-delivery.builder';

const secret = 'bench-chatwoot-secret-0123';
const now = Date.parse('2026-11-26T00:00:00Z');
const conversation = { id: 90_001, createdAt: Date.parse('2026-05-01T00:00:07Z') / 1000, contactId: 4242 };
const verify = (headers: Record<string, string>, body: string, at = now) => verifyChatwoot({ raw: Buffer.from(body), headers, secret, now: new Date(at) });

describe('signed Chatwoot deliveries of the ingest benchmark', () => {
  it('are accepted by the product verifier now and refused once tampered or five minutes stale', () => {
    const { headers, body } = signedChatwootDelivery(conversationCreatedBody(conversation), secret, now);

    expect(verify(headers, body)).toBeNull();
    expect(verify(headers, body.replace('"id":90001', '"id":90002'))?.reason).toBe('bad_signature');
    expect(verify(headers, body, now + 301_000)?.reason).toBe('stale_timestamp');
  });

  it('carry a new (unsigned) delivery id each, which does not make the same signed body a new delivery', () => {
    const body = conversationCreatedBody(conversation);
    const first = signedChatwootDelivery(body, secret, now);
    const second = signedChatwootDelivery(body, secret, now);

    const [draft] = chatwootDeliveries({ raw: Buffer.from(body), body: JSON.parse(body) as JsonObject, headers: first.headers, pathSuffix: null });

    expect(first.headers['x-chatwoot-delivery']).not.toBe(second.headers['x-chatwoot-delivery']);
    expect(first.dedupeKey).toBe(second.dedupeKey);
    expect(draft?.dedupeKey).toBe(first.dedupeKey);
  });

  it('open a ticket of their own conversation, at its second, for the linked contact', () => {
    const payload = JSON.parse(conversationCreatedBody(conversation)) as JsonObject;
    const delivery: Delivery = { deliveryId: 'd-1', tool: 'chatwoot', dedupeKey: 'delivery:1', eventKind: 'conversation_created', receivedAt: '2026-11-26T00:00:00Z', headers: {}, payload };

    const translation = translateChatwoot(delivery, IdentitySnapshot.of({ 'chatwoot:4242': 'client-bench' }));

    expect(translation).toEqual({
      outcome: 'commands',
      commands: [
        {
          command: {
            type: 'OpenTicket',
            data: { ticketId: 'chatwoot:1:90001', clientId: 'client-bench', channel: 'chat', priority: 'MEDIUM', subject: 'Chatwoot conversation #90001' },
            occurredAt: '2026-05-01T00:00:07.000Z',
          },
          source: { tool: 'chatwoot', externalId: 'conversation:1:90001' },
        },
      ],
    });
  });
});
