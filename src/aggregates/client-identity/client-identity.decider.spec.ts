import { describe, expect, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ClientIdentityCommand, IdentityClaimCommand, IdentityFacts } from './client-identity.commands';
import type { ClientIdentityEvent, IdentityClaimEvent } from './client-identity.events';
import { clientIdentityDecider, clientIdentityStream } from './client-identity.decider';
import { identityClaimDecider, identityClaimStream } from './identity-claim.decider';

const at = '2026-06-01T00:00:00.000Z';
const claimedByGlobex: IdentityFacts = { claimedBy: 'client-globex', clientOnboarded: true };
const link = (facts: IdentityFacts = claimedByGlobex, externalId = '42'): ClientIdentityCommand => ({
  type: 'LinkClientIdentity',
  occurredAt: at,
  data: { clientId: 'client-globex', tool: 'chatwoot', externalId, facts },
});
const linkWithoutFacts: ClientIdentityCommand = { type: 'LinkClientIdentity', occurredAt: at, data: { clientId: 'client-globex', tool: 'chatwoot', externalId: '42' } };
const linked: ClientIdentityEvent = { type: 'ClientIdentityLinked', data: { clientId: 'client-globex', tool: 'chatwoot', externalId: '42' } };
const linkDomain = (domain: string, facts: IdentityFacts = { claimedBy: 'client-globex', clientOnboarded: true }): ClientIdentityCommand => ({
  type: 'LinkClientEmailDomain',
  occurredAt: at,
  data: { clientId: 'client-globex', domain, facts },
});

describe('client identity decider', () => {
  const spec = deciderSpec(clientIdentityDecider);

  it('links a tool id the client has claimed', () => spec.given([]).when(link()).then([linked]));

  it('treats linking the same tool id again as a no-op', () => spec.given([linked]).when(link()).thenNothingHappens());

  it('rejects a tool id linked to another client', () =>
    spec.given([]).when(link({ claimedBy: 'client-initech', clientOnboarded: true })).thenRejects('identity.already_linked'));

  it('rejects a link whose key was not claimed first', () => spec.given([]).when(link({ claimedBy: null, clientOnboarded: true })).thenRejects('identity.not_claimed'));

  it('rejects a link for a client that was never onboarded', () =>
    spec.given([]).when(link({ claimedBy: 'client-globex', clientOnboarded: false })).thenRejects('identity.unknown_client'));

  it('rejects a link without the facts its route reads', () => spec.given([]).when(linkWithoutFacts).thenRejects('identity.unknown_client'));

  it('rejects a tool Zixly does not ingest', () =>
    spec.given([]).when({ ...link(), data: { ...link().data, tool: 'hubspot' } } as ClientIdentityCommand).thenRejects('identity.invalid_tool'));

  it('rejects an external id with surrounding spaces', () => spec.given([]).when(link(claimedByGlobex, ' 42')).thenRejects('identity.invalid_external_id'));

  it('unlinks a linked tool id, and treats unlinking an unknown one as a no-op', () => {
    const unlink: ClientIdentityCommand = { type: 'UnlinkClientIdentity', occurredAt: at, data: { clientId: 'client-globex', tool: 'chatwoot', externalId: '42' } };
    spec.given([linked]).when(unlink).then([{ type: 'ClientIdentityUnlinked', data: unlink.data }]);
    spec.given([]).when(unlink).thenNothingHappens();
  });

  it('links an e-mail domain, once', () => {
    const domainLinked: ClientIdentityEvent = { type: 'ClientEmailDomainLinked', data: { clientId: 'client-globex', domain: 'globex.example' } };
    spec.given([]).when(linkDomain('globex.example')).then([domainLinked]);
    spec.given([domainLinked]).when(linkDomain('globex.example')).thenNothingHappens();
  });

  it('rejects a domain in upper case or without a top-level domain', () => {
    spec.given([]).when(linkDomain('Globex.example')).thenRejects('identity.invalid_domain');
    spec.given([]).when(linkDomain('localhost')).thenRejects('identity.invalid_domain');
  });

  it('rejects a domain another client holds', () =>
    spec.given([]).when(linkDomain('globex.example', { claimedBy: 'client-initech', clientOnboarded: true })).thenRejects('identity.already_linked'));

  it('keeps each client on its own stream', () => expect(clientIdentityStream('client-globex')).toBe('ClientIdentity-client-globex'));
});

describe('identity claim decider', () => {
  const spec = deciderSpec(identityClaimDecider);
  const claim = (clientId: string): IdentityClaimCommand => ({ type: 'ClaimIdentity', occurredAt: at, data: { key: 'chatwoot:42', clientId } });
  const release = (clientId: string): IdentityClaimCommand => ({ type: 'ReleaseIdentity', occurredAt: at, data: { key: 'chatwoot:42', clientId } });
  const claimed: IdentityClaimEvent = { type: 'IdentityClaimed', data: { key: 'chatwoot:42', clientId: 'client-globex' } };
  const released: IdentityClaimEvent = { type: 'IdentityReleased', data: { key: 'chatwoot:42', clientId: 'client-globex' } };

  it('claims a free key', () => spec.given([]).when(claim('client-globex')).then([claimed]));

  it('treats a claim by the holder as a no-op', () => spec.given([claimed]).when(claim('client-globex')).thenNothingHappens());

  it('rejects a claim on a key another client holds', () => spec.given([claimed]).when(claim('client-initech')).thenRejects('identity.already_linked'));

  it('frees the key when the holder releases it, so another client may claim it', () => {
    spec.given([claimed]).when(release('client-globex')).then([released]);
    spec.given([claimed, released]).when(claim('client-initech')).then([{ type: 'IdentityClaimed', data: { key: 'chatwoot:42', clientId: 'client-initech' } }]);
  });

  it('ignores a release by a client that does not hold the key', () => spec.given([claimed]).when(release('client-initech')).thenNothingHappens());

  it('keeps each key on its own stream', () => expect(identityClaimStream('domain:globex.example')).toBe('IdentityClaim-domain:globex.example'));
});
