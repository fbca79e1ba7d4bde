import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../../adapters/sqlite/sqlite-event-store';
import { openSqliteReadStore } from '../../adapters/sqlite/sqlite-read-store';
import { clientRoutes } from '../../aggregates/client/client.routes';
import { createCommandBus } from '../../aggregates/command-bus';
import { AppError } from '../../core/errors';
import type { EventStore } from '../../core/event-store.port';
import { ProjectionRunner } from '../../core/projection-runner';
import type { ReadStore } from '../../core/read-store.port';
import { clientIdentitiesCollection, type ClientIdentityDocument } from '../../projections/identity/client-identities.projection';
import { identityRoutes } from '../../aggregates/client-identity/client-identity.routes';
import { identityProjections } from '../../projections/identity';
import { identityLookupLoader, loadIdentityLookup } from './index';
import { createIdentityService, type IdentityService } from './identity.service';

const at = '2026-06-01T00:00:00.000Z';
const metadata = { actor: 'spec' };

describe('client identities through the bus, the projection and the lookup', () => {
  let events: EventStore & { close(): Promise<void> };
  let reads: ReadStore;
  let runner: ProjectionRunner;
  let identities: IdentityService;

  beforeEach(async () => {
    events = await openSqliteEventStore({ path: ':memory:' });
    reads = await openSqliteReadStore({ path: ':memory:' });
    runner = new ProjectionRunner({ eventStore: events, readStore: reads, projections: identityProjections });
    await runner.start();
    const bus = createCommandBus<any>(events, { ...clientRoutes, ...identityRoutes });
    for (const clientId of ['client-globex', 'client-initech']) {
      const data = { clientId, name: clientId, tier: 'STARTER', industry: 'software', currency: 'AUD' };
      await bus.execute({ type: 'OnboardClient', data, occurredAt: at }, metadata);
    }
    identities = createIdentityService(bus);
  });

  afterEach(async () => {
    await runner.stop();
    await events.close();
    await reads.close();
  });

  async function caughtUp(): Promise<void> {
    const head = await events.headPosition();
    expect(await runner.waitFor(head!, 5_000)).toBe(true);
  }

  async function rejection(action: Promise<unknown>): Promise<string> {
    const error = await action.then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }

  it('keys each link by tool id or domain, and the lookup resolves both', async () => {
    await identities.linkIdentity({ clientId: 'client-globex', tool: 'chatwoot', externalId: '42' }, at, metadata);
    await identities.linkDomain({ clientId: 'client-globex', domain: 'globex.example' }, at, metadata);
    await caughtUp();

    const { documents } = await reads.find<ClientIdentityDocument>(clientIdentitiesCollection, { sort: [['_id', 1]] });
    expect(documents.map(({ _id, kind, clientId, tool, externalId, domain, linkedAt }) => ({ _id, kind, clientId, tool, externalId, domain, linkedAt }))).toEqual([
      { _id: 'chatwoot:42', kind: 'tool', clientId: 'client-globex', tool: 'chatwoot', externalId: '42', domain: null, linkedAt: at },
      { _id: 'domain:globex.example', kind: 'domain', clientId: 'client-globex', tool: null, externalId: null, domain: 'globex.example', linkedAt: at },
    ]);
    const lookup = await loadIdentityLookup(reads);
    expect([lookup.clientByToolId('chatwoot', '42'), lookup.clientByEmailDomain('globex.example'), lookup.clientByToolId('xero', '42')]).toEqual([
      'client-globex',
      'client-globex',
      null,
    ]);
  });

  it('refuses a tool id linked to another client, and lets it move once unlinked', async () => {
    const globex = { clientId: 'client-globex', tool: 'invoiceninja', externalId: 'VolejRejNm' };
    await identities.linkIdentity(globex, at, metadata);
    expect(await rejection(identities.linkIdentity({ ...globex, clientId: 'client-initech' }, at, metadata))).toBe('identity.already_linked');

    await identities.unlinkIdentity(globex, at, metadata);
    await identities.linkIdentity({ ...globex, clientId: 'client-initech' }, at, metadata);
    await caughtUp();
    expect((await loadIdentityLookup(reads)).clientByToolId('invoiceninja', 'VolejRejNm')).toBe('client-initech');
  });

  it('refuses a link to a client that was never onboarded', async () => {
    expect(await rejection(identities.linkDomain({ clientId: 'client-nobody', domain: 'nobody.example' }, at, metadata))).toBe('identity.unknown_client');
  });

  it('reads every page of a large mapping', async () => {
    for (let index = 0; index < 510; index++) {
      await identities.linkIdentity({ clientId: 'client-globex', tool: 'mautic', externalId: String(index) }, at, metadata);
    }
    await caughtUp();
    const lookup = await loadIdentityLookup(reads);
    expect([lookup.size, lookup.clientByToolId('mautic', '509')]).toEqual([510, 'client-globex']);
  });

  it('reloads the snapshot for the worker only when the projection has moved', async () => {
    const load = identityLookupLoader(reads);
    await identities.linkIdentity({ clientId: 'client-globex', tool: 'chatwoot', externalId: '42' }, at, metadata);
    await caughtUp();
    const first = await load();
    expect(await load()).toBe(first);

    await identities.linkIdentity({ clientId: 'client-initech', tool: 'chatwoot', externalId: '43' }, at, metadata);
    await caughtUp();
    const second = await load();
    expect([second === first, second.clientByToolId('chatwoot', '43')]).toEqual([false, 'client-initech']);
  });
});
