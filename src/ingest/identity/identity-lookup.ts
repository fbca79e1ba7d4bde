import type { ReadStore } from '../../core/read-store.port';
import type { IdentityLookup, WebhookTool } from '../delivery';
import { clientIdentitiesCollection, type ClientIdentityDocument } from '../../projections/identity/client-identities.projection';
import { identityKey } from '../../aggregates/client-identity/identity.keys';

/** An immutable snapshot of the identity read model; translators stay pure over it. */
export class IdentitySnapshot implements IdentityLookup {
  private readonly clients: ReadonlyMap<string, string>;

  constructor(documents: readonly ClientIdentityDocument[]) {
    this.clients = new Map(documents.map((document) => [document._id, document.clientId]));
  }

  /** For tests and tools: `{ 'chatwoot:42': 'client-1', 'domain:globex.example': 'client-1' }`. */
  static of(links: Readonly<Record<string, string>>): IdentitySnapshot {
    const documents = Object.entries(links).map(([_id, clientId]) => ({ _id, clientId }) as ClientIdentityDocument);
    return new IdentitySnapshot(documents);
  }

  get size(): number {
    return this.clients.size;
  }

  clientByToolId(tool: WebhookTool, externalId: string): string | null {
    return this.clients.get(identityKey.tool(tool, externalId)) ?? null;
  }

  clientByEmailDomain(domain: string): string | null {
    return this.clients.get(identityKey.domain(domain)) ?? null;
  }
}

const pageSize = 500;

/**
 * Loads every link from `client_identities` into memory. The worker and the sync jobs take a new
 * snapshot per batch or run, so a link made meanwhile applies from the next one.
 */
export async function loadIdentityLookup(reads: ReadStore): Promise<IdentitySnapshot> {
  const documents: ClientIdentityDocument[] = [];
  let after: string | null = null;
  do {
    const page: { documents: ClientIdentityDocument[]; nextCursor: string | null } = await reads.find<ClientIdentityDocument>(clientIdentitiesCollection, {
      limit: pageSize,
      ...(after ? { after } : {}),
    });
    documents.push(...page.documents);
    after = page.nextCursor;
  } while (after !== null);
  return new IdentitySnapshot(documents);
}

/**
 * A loader for the worker and the sync jobs: the snapshot is reloaded only when the identity
 * projection has moved (one checkpoint read per call), so a link made a moment ago applies to the
 * next delivery without reading every link for every delivery.
 */
export function identityLookupLoader(reads: ReadStore): () => Promise<IdentitySnapshot> {
  let cached: { position: bigint | null; snapshot: IdentitySnapshot } | null = null;
  return async () => {
    const position = (await reads.checkpoint(clientIdentitiesCollection))?.position ?? null;
    if (cached === null || cached.position !== position) cached = { position, snapshot: await loadIdentityLookup(reads) };
    return cached.snapshot;
  };
}
