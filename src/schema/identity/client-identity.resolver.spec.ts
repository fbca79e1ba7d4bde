import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectionRunner } from '../../core/projection-runner';
import { identityProjections } from '../../projections/identity';
import { ApiClient } from '../../testing/api-client';

const link = `mutation ($input: ClientIdentityInput!) { linkClientIdentity(input: $input) { status stream events { type } } }`;
const unlink = `mutation ($input: ClientIdentityInput!) { unlinkClientIdentity(input: $input) { status stream events { type } } }`;
const linkDomain = `mutation ($input: ClientEmailDomainInput!) { linkClientEmailDomain(input: $input) { status events { type } } }`;
const identities = `query ($clientId: ID!) { clientIdentities(clientId: $clientId) { nodes { identityKey kind clientId tool externalId domain linkedAt } } }`;
const onboard = `mutation ($input: OnboardClientInput!) { onboardClient(input: $input) { status } }`;

describe('client identity API', () => {
  let api: ApiClient;
  let identityRunner: ProjectionRunner;

  beforeEach(async () => {
    api = await ApiClient.start();
    // Until client_identities joins allProjections, the spec maintains it next to the app's runner.
    identityRunner = new ProjectionRunner({ eventStore: api.services.eventStore, readStore: api.services.readStore, projections: identityProjections });
    await identityRunner.start();
    for (const clientId of ['client-globex', 'client-initech']) {
      await api.execute(onboard, { input: { clientId, name: clientId, tier: 'STARTER', industry: 'Software', currency: 'AUD' } });
    }
  });

  afterEach(async () => {
    await identityRunner.stop();
    await api.stop();
  });

  async function projected(): Promise<void> {
    expect(await identityRunner.waitFor((await api.services.eventStore.headPosition())!, 5_000)).toBe(true);
  }

  it('links a tool id and an e-mail domain as an admin, and lists them to a viewer', async () => {
    const linked = await api.execute(link, { input: { clientId: 'client-globex', tool: 'CHATWOOT', externalId: '42' } }, 'ADMIN');
    const domain = await api.execute(linkDomain, { input: { clientId: 'client-globex', domain: 'globex.example' } }, 'ADMIN');
    await projected();

    expect(linked.data).toEqual({ linkClientIdentity: { status: 'APPENDED', stream: 'ClientIdentity-client-globex', events: [{ type: 'ClientIdentityLinked' }] } });
    expect(domain.data).toEqual({ linkClientEmailDomain: { status: 'APPENDED', events: [{ type: 'ClientEmailDomainLinked' }] } });
    const listed = await api.execute<{ clientIdentities: { nodes: Array<Record<string, unknown>> } }>(identities, { clientId: 'client-globex' }, 'VIEWER');
    expect(listed.data!.clientIdentities.nodes.map(({ linkedAt: _at, ...identity }) => identity)).toEqual([
      { identityKey: 'chatwoot:42', kind: 'TOOL', clientId: 'client-globex', tool: 'CHATWOOT', externalId: '42', domain: null },
      { identityKey: 'domain:globex.example', kind: 'DOMAIN', clientId: 'client-globex', tool: null, externalId: null, domain: 'globex.example' },
    ]);
  });

  it('refuses a tool id another client holds until that client unlinks it', async () => {
    const input = { clientId: 'client-globex', tool: 'XERO', externalId: '717f2bfc-c6d4-41fd-b238-3f2f0c0cf777' };
    await api.execute(link, { input }, 'ADMIN');

    const taken = await api.execute(link, { input: { ...input, clientId: 'client-initech' } }, 'ADMIN');
    await api.execute(unlink, { input }, 'ADMIN');
    const moved = await api.execute(link, { input: { ...input, clientId: 'client-initech' } }, 'ADMIN');
    await projected();

    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'identity.already_linked' });
    expect(moved.data).toMatchObject({ linkClientIdentity: { status: 'APPENDED' } });
    const [globex, initech] = await Promise.all(
      ['client-globex', 'client-initech'].map((clientId) => api.execute<{ clientIdentities: { nodes: unknown[] } }>(identities, { clientId }, 'VIEWER')),
    );
    expect([globex!.data!.clientIdentities.nodes.length, initech!.data!.clientIdentities.nodes.length]).toEqual([0, 1]);
  });

  it('treats linking the same id twice as UNCHANGED', async () => {
    const input = { clientId: 'client-globex', tool: 'INVOICENINJA', externalId: 'VolejRejNm' };
    await api.execute(link, { input }, 'ADMIN');
    expect((await api.execute(link, { input }, 'ADMIN')).data).toEqual({ linkClientIdentity: { status: 'UNCHANGED', stream: 'ClientIdentity-client-globex', events: [] } });
  });

  it('leaves links to admins: an editor is FORBIDDEN', async () => {
    const response = await api.execute(link, { input: { clientId: 'client-globex', tool: 'MAUTIC', externalId: '1187' } }, 'EDITOR');
    expect(response.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses a domain that is not a lower-case host name', async () => {
    const response = await api.execute(linkDomain, { input: { clientId: 'client-globex', domain: 'Globex.Example' } }, 'ADMIN');
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'identity.invalid_domain' });
  });
});
