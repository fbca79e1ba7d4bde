import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';
import type { RecordedEvent } from '../../core/messages';
import type { ClientIdentityEvent } from '../../aggregates/client-identity/client-identity.events';
import { identityKey } from '../../aggregates/client-identity/identity.keys';

export const clientIdentitiesCollection = 'client_identities';

/**
 * One link: `_id` is `<tool>:<externalId>` (kind `tool`) or `domain:<domain>` (kind `domain`), so a
 * lookup is one key read. `linkedAt` is the link event's `occurredAt`.
 */
export interface ClientIdentityDocument extends ReadDocument {
  readonly kind: 'tool' | 'domain';
  readonly clientId: string;
  readonly tool: string | null;
  readonly externalId: string | null;
  readonly domain: string | null;
  readonly linkedAt: string;
}

export { identityKey };

const identityEventOf = (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as ClientIdentityEvent;

function keyOf(event: ClientIdentityEvent): string {
  return 'domain' in event.data ? identityKey.domain(event.data.domain) : identityKey.tool(event.data.tool, event.data.externalId);
}

function linked(event: ClientIdentityEvent, id: string, at: string): ClientIdentityDocument {
  if ('domain' in event.data) {
    return { _id: id, kind: 'domain', clientId: event.data.clientId, tool: null, externalId: null, domain: event.data.domain, linkedAt: at };
  }
  const { clientId, tool, externalId } = event.data;
  return { _id: id, kind: 'tool', clientId, tool, externalId, domain: null, linkedAt: at };
}

export const clientIdentitiesProjection: Projection<ClientIdentityDocument> = {
  name: clientIdentitiesCollection,
  version: 1,
  handles: ['ClientIdentityLinked', 'ClientIdentityUnlinked', 'ClientEmailDomainLinked', 'ClientEmailDomainUnlinked'],
  documentIds: (event) => [keyOf(identityEventOf(event))],
  evolve(document, recorded, id) {
    const event = identityEventOf(recorded);
    const at = new Date(recorded.metadata.occurredAt).toISOString();
    if (event.type === 'ClientIdentityLinked' || event.type === 'ClientEmailDomainLinked') return linked(event, id, at);
    // An unlink by a client that no longer holds the key must not drop the new holder's link.
    return document?.clientId === event.data.clientId ? null : document;
  },
  indexes: [{ name: 'client_identities_client', fields: ['clientId'] }],
};
