import type { MauticConfig } from '../tools.config';
import { expectStatus, jsonOf, sendRequest, type ClientOptions, type HttpResponse } from '../shared/tool-http';

export interface MauticContact {
  readonly id: number;
}

export interface NewMauticContact {
  readonly email: string;
  readonly company: string;
  readonly firstname?: string;
  readonly tags?: readonly string[];
}

/** Mautic answers an empty search with `[]` and a hit with an object keyed by contact id. */
type ContactSearch = { total?: number | string; contacts?: Record<string, MauticContact> | MauticContact[] };

/**
 * Mautic REST API (basic auth): contacts (search by email, create) and sending a template email
 * to one contact. The email's stats rows (`email_stats`) tell whether it was already sent.
 */
export class MauticClient {
  constructor(
    private readonly config: MauticConfig,
    private readonly options: ClientOptions,
  ) {}

  async findContactByEmail(email: string): Promise<MauticContact | null> {
    const search = encodeURIComponent(`email:${email}`);
    const body = jsonOf<ContactSearch>('mautic', expectStatus('mautic', await this.call('GET', `/contacts?search=${search}&limit=1`), [200]), 'a contact search');
    const contacts = Array.isArray(body.contacts) ? body.contacts : Object.values(body.contacts ?? {});
    return contacts[0] ?? null;
  }

  async ensureContact(contact: NewMauticContact): Promise<{ contact: MauticContact; created: boolean }> {
    const existing = await this.findContactByEmail(contact.email);
    if (existing) return { contact: existing, created: false };
    const response = expectStatus('mautic', await this.call('POST', '/contacts/new', contact), [200, 201]);
    return { contact: jsonOf<{ contact: MauticContact }>('mautic', response, 'the created contact').contact, created: true };
  }

  async emailSentTo(emailId: string, contactId: number): Promise<boolean> {
    const where = [`where[0][col]=email_id&where[0][expr]=eq&where[0][val]=${encodeURIComponent(emailId)}`, `where[1][col]=lead_id&where[1][expr]=eq&where[1][val]=${contactId}`];
    const response = expectStatus('mautic', await this.call('GET', `/stats/email_stats?limit=1&${where.join('&')}`), [200]);
    const body = jsonOf<{ total?: number | string; stats?: unknown[] }>('mautic', response, 'email stats');
    return Number(body.total ?? body.stats?.length ?? 0) > 0;
  }

  /** Sends unless a stats row shows it was sent already (a retry after a lost answer). */
  async ensureEmailSent(emailId: string, contactId: number): Promise<'sent' | 'already_sent'> {
    if (await this.emailSentTo(emailId, contactId)) return 'already_sent';
    expectStatus('mautic', await this.call('POST', `/emails/${encodeURIComponent(emailId)}/contact/${contactId}/send`, {}), [200, 201]);
    return 'sent';
  }

  private call(method: string, path: string, body?: object): Promise<HttpResponse> {
    const credentials = Buffer.from(`${this.config.username}:${this.config.password}`).toString('base64');
    return sendRequest(
      'mautic',
      {
        method,
        url: `${this.config.apiUrl}${path}`,
        headers: { Authorization: `Basic ${credentials}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        timeoutMs: this.options.timeoutMs,
      },
      this.options.fetch,
    );
  }
}
