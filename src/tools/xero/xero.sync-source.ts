import type { Json } from '../../core/read-store.port';
import type { IdentityLookup } from '../../ingest/delivery';
import { Fields } from '../shared/mapping/payload.reader';
import { commandsOf, ignored, translateWith } from '../shared/mapping/translation.results';
import { xeroInstant, xeroInvoiceCommands } from './xero-invoice.mapping';
import type { XeroFetchIntent } from './xero.translate';
import type { PulledRecord, PullRequest, SyncPage, SyncSource } from '../../ingest/sync/sync-source';
import { type XeroClient, xeroPageSize } from './xero.client';

/**
 * Xero's webhooks only name what changed: the invoices they name are fetched first, then every
 * sales invoice modified since the cursor (the newest `UpdatedDateUTC` applied), which also
 * catches notifications that never arrived.
 */
export class XeroSyncSource implements SyncSource {
  readonly tool = 'xero' as const;
  private readonly notified = new Set<string>();

  constructor(
    private readonly client: XeroClient,
    private readonly tenantId: string,
  ) {}

  /** Queues the invoices a delivery named, for the next run; other organisations' are not ours. */
  notify(intents: readonly XeroFetchIntent[]): void {
    for (const intent of intents) if (intent.tenantId === this.tenantId) this.notified.add(intent.invoiceId);
  }

  async pull({ cursor, progress, page, identities }: PullRequest): Promise<SyncPage> {
    if (page === null && this.notified.size > 0) return this.pullNotified(progress, identities);
    const number = page ? Number(page) : 1;
    const invoices = await this.client.modifiedSince(cursor, number);
    const newest = invoices.map((invoice) => xeroInstant(Fields.of(invoice), 'UpdatedDateUTC')).reduce<string | null>(later, progress);
    return { records: invoices.map((invoice) => record(invoice, identities)), cursor: newest, next: invoices.length === xeroPageSize ? String(number + 1) : null };
  }

  private async pullNotified(progress: string | null, identities: IdentityLookup): Promise<SyncPage> {
    const ids = [...this.notified];
    this.notified.clear();
    const records: PulledRecord[] = [];
    for (const id of ids) {
      const invoice = await this.client.invoice(id);
      records.push(invoice ? record(invoice, identities) : { label: `invoice ${id}`, translation: ignored('xero invoice: no longer exists') });
    }
    return { records, cursor: progress, next: '1' };
  }
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);

function record(invoice: Json, identities: IdentityLookup): PulledRecord {
  const fields = Fields.of(invoice);
  const label = `invoice ${fields.optionalString('InvoiceNumber') ?? fields.optionalString('InvoiceID') ?? '?'}`;
  const translation = translateWith(() => {
    const commands = xeroInvoiceCommands(fields, identities);
    return typeof commands === 'string' ? ignored(commands) : commandsOf(commands);
  });
  return { label, translation };
}
