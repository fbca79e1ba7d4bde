import type { Json } from '../../core/read-store.port';
import type { IdentityLookup } from '../../ingest/delivery';
import { fromIsoInstant } from '../shared/mapping/instants.mapping';
import { Fields } from '../shared/mapping/payload.reader';
import { ignored } from '../shared/mapping/translation.results';
import { translateMautic } from './mautic.translate';
import { pulledDelivery } from '../../ingest/sync/sync-delivery';
import type { PulledRecord, PullRequest, SyncPage, SyncSource } from '../../ingest/sync/sync-source';
import { type MauticClient, mauticPageSize } from './mautic.client';

/**
 * Contacts modified since the cursor (the newest `dateModified` applied). An identified contact
 * is what `mautic.lead_post_save_new` announces, so it goes through that translation and captures
 * the lead (a no-op when already captured); anonymous visitors are no leads.
 */
export class MauticSyncSource implements SyncSource {
  readonly tool = 'mautic' as const;

  constructor(private readonly client: MauticClient) {}

  async pull({ cursor, progress, page, identities }: PullRequest): Promise<SyncPage> {
    const start = page ? Number(page) : 0;
    const contacts = await this.client.contactsModifiedSince(cursor, start);
    const records = contacts.map((contact) => record(contact, identities));
    const newest = contacts.map(modifiedAtOf).reduce<string | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), progress);
    return { records, cursor: newest, next: contacts.length === mauticPageSize ? String(start + mauticPageSize) : null };
  }
}

function modifiedAtOf(contact: Json): string | null {
  const modified = Fields.of(contact).optionalString('dateModified');
  return modified === null ? null : fromIsoInstant(modified, 'dateModified');
}

function record(contact: Json, identities: IdentityLookup): PulledRecord {
  const fields = Fields.of(contact);
  const id = fields.optionalString('id') ?? '?';
  const label = `contact ${id}`;
  if (!fields.has('dateIdentified')) return { label, translation: ignored('mautic contact: anonymous visitor') };
  const modified = fields.optionalString('dateModified') ?? fields.string('dateIdentified');
  const payload = { 'mautic.lead_post_save_new': [{ contact, timestamp: modified }] };
  const delivery = pulledDelivery('mautic', 'mautic.lead_post_save_new', id, modified, payload);
  return { label, translation: translateMautic(delivery, identities) };
}
