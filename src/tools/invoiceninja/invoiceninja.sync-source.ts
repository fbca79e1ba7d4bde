import type { Json } from '../../core/read-store.port';
import type { IdentityLookup } from '../../ingest/delivery';
import { translateInvoiceNinja } from './invoiceninja.translate';
import { fromUnixSeconds } from '../shared/mapping/instants.mapping';
import { Fields } from '../shared/mapping/payload.reader';
import { pulledDelivery } from '../../ingest/sync/sync-delivery';
import type { PulledRecord, PullRequest, SyncPage, SyncSource } from '../../ingest/sync/sync-source';
import { invoiceNinjaEntities, type InvoiceNinjaClient, type InvoiceNinjaEntity } from './invoiceninja.client';

/** Per entity, the newest `updated_at` applied (Unix seconds): each list is ordered by it. */
type Cursor = Record<InvoiceNinjaEntity, number>;
type PageToken = { readonly entity: number; readonly page: number };

const eventKinds: Readonly<Record<InvoiceNinjaEntity, string>> = { invoices: 'update_invoice', payments: 'update_payment', tasks: 'update_task' };

function cursorOf(text: string | null): Cursor {
  const parsed = text ? (JSON.parse(text) as Partial<Cursor>) : {};
  return { invoices: parsed.invoices ?? 0, payments: parsed.payments ?? 0, tasks: parsed.tasks ?? 0 };
}

/**
 * Invoices, then payments, then tasks, each since its own cursor (inclusive: a record seen again
 * changes nothing). Each page goes through the webhook translator as the event that would have
 * announced it, so both paths give the same commands.
 */
export class InvoiceNinjaSyncSource implements SyncSource {
  readonly tool = 'invoiceninja' as const;

  constructor(private readonly client: InvoiceNinjaClient) {}

  async pull({ cursor, progress, page, identities }: PullRequest): Promise<SyncPage> {
    const token: PageToken = page ? (JSON.parse(page) as PageToken) : { entity: 0, page: 1 };
    const entity = invoiceNinjaEntities[token.entity]!;
    const { items, lastPage } = await this.client.list(entity, cursorOf(cursor)[entity], token.page);
    const records = items.map((item) => this.translate(entity, item, identities));
    const reached = cursorOf(progress);
    const newest = Math.max(reached[entity], ...items.map((item) => Fields.of(item).optionalNumber('updated_at') ?? 0));
    const next = !lastPage ? { entity: token.entity, page: token.page + 1 } : token.entity + 1 < invoiceNinjaEntities.length ? { entity: token.entity + 1, page: 1 } : null;
    return { records, cursor: JSON.stringify({ ...reached, [entity]: newest }), next: next && JSON.stringify(next) };
  }

  private translate(entity: InvoiceNinjaEntity, item: Json, identities: IdentityLookup): PulledRecord {
    const fields = Fields.of(item);
    const id = fields.optionalString('id') ?? '?';
    const updatedAt = fromUnixSeconds(fields.optionalNumber('updated_at') ?? 1, 'updated_at');
    const delivery = pulledDelivery('invoiceninja', eventKinds[entity], id, updatedAt, item);
    return { label: `${entity.slice(0, -1)} ${id}`, translation: translateInvoiceNinja(delivery, identities) };
  }
}
