import type { Json } from '../../core/read-store.port';
import { expectStatus, jsonOf, type HttpResponse } from '../shared/tool-http';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { MauticCredentials } from './mautic.config';

export const mauticPageSize = 100;

interface ContactsResponse {
  /** Keyed by contact id (an empty list when there are none). */
  readonly contacts?: Record<string, Json> | Json[];
}

/** Mautic stores times in UTC and filters with `Y-m-d H:i:s`. */
const mauticTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');

const modifiedAt = (contact: Json) => String((contact as Record<string, Json>).dateModified ?? '');

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
 * Mautic REST API (basic auth; `MAUTIC_API_URL` ends in `/api`). The pull sync reads contacts
 * modified since an instant, oldest change first; the workflows find contacts by email, create
 * them, and send a template email to one contact — its stats rows (`email_stats`) tell whether it
 * was already sent.
 */
export class MauticClient {
  constructor(
    private readonly config: MauticCredentials,
    private readonly http: ToolHttpClient,
  ) {}

  /** A page of contacts modified since `since` (the sync's reads: retried, `sync.*` errors). */
  async contactsModifiedSince(since: string | null, start: number): Promise<Json[]> {
    const query = new URLSearchParams({ start: String(start), limit: String(mauticPageSize), orderBy: 'date_modified', orderByDir: 'ASC' });
    if (since) {
      query.set('where[0][col]', 'date_modified');
      query.set('where[0][expr]', 'gte');
      query.set('where[0][val]', mauticTime(since));
    }
    const response = await this.http.getJson<ContactsResponse>({ url: `${this.config.apiUrl}/contacts?${query}`, headers: { authorization: `Basic ${this.basic}` } });
    const contacts = response?.contacts ?? [];
    // Integer-like keys iterate in id order, not in the server's order.
    return (Array.isArray(contacts) ? contacts : Object.values(contacts)).sort((a, b) => modifiedAt(a).localeCompare(modifiedAt(b)));
  }

  /** `GET /hooks`: `{ hooks: [{ webhookUrl, secret, isPublished }] }` (an object keyed by id on some releases). */
  async hooks(): Promise<Json | undefined> {
    return (await this.http.getJson<{ hooks?: Json }>({ url: `${this.config.apiUrl}/hooks?limit=100`, headers: { authorization: `Basic ${this.basic}` } }))?.hooks;
  }

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
    return this.http.send({
      method,
      url: `${this.config.apiUrl}${path}`,
      headers: { Authorization: `Basic ${this.basic}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }

  private get basic(): string {
    return Buffer.from(`${this.config.username}:${this.config.password}`).toString('base64');
  }
}
