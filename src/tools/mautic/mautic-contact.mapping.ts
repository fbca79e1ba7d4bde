import type { LeadSource } from '../../aggregates/lead/lead.events';
import type { TranslatedCommand } from '../../ingest/delivery';
import { fromIsoInstant } from '../shared/mapping/instants.mapping';
import type { Fields } from '../shared/mapping/payload.reader';
import { translated } from '../shared/mapping/translation.results';

export const mauticId = (kind: string, id: string) => (kind === 'contact' ? `mautic:${id}` : `mautic:${kind}:${id}`);

/** A field of a contact: webhook payloads group them (`fields.core.email.value`), the API also has `fields.all`. */
export function fieldValue(contact: Fields, alias: string): string | null {
  const fields = contact.optionalObject('fields');
  const grouped = fields?.optionalObject('core')?.optionalObject(alias)?.optionalString('value');
  return grouped ?? fields?.optionalObject('all')?.optionalString(alias) ?? null;
}

/**
 * The first touch of a Mautic contact. A form submission and the "identified" save of the same
 * contact both capture it and either may arrive first, so the source comes from what both carry:
 * a contact created by a Mautic user (import, manual entry) is `other`, a visitor is `website`.
 * UTM attribution is not in the form payload, so it is not used.
 */
export function captureLead(contact: Fields, occurredAt: string, sourceId: string): TranslatedCommand | null {
  const id = contact.string('id');
  const email = fieldValue(contact, 'email');
  const company = fieldValue(contact, 'company');
  const person = [fieldValue(contact, 'firstname'), fieldValue(contact, 'lastname')].filter((part) => part !== null).join(' ');
  const name = person || email || company;
  if (!name) return null;
  const source: LeadSource = contact.has('createdBy') ? 'other' : 'website';
  const data = { leadId: mauticId('contact', id), name, email, company, source, campaignId: null };
  return translated({ type: 'CaptureLead', data, occurredAt }, 'mautic', sourceId);
}

export function formSubmitted(item: Fields): TranslatedCommand[] | string {
  const submission = item.object('submission');
  const lead = submission.optionalObject('lead');
  const id = submission.string('id');
  const occurredAt = fromIsoInstant(submission.optionalString('dateSubmitted') ?? item.string('timestamp'), submission.at('dateSubmitted'));
  const capture = lead ? captureLead(lead, occurredAt, `submission:${id}`) : null;
  if (!lead || !capture) return 'mautic.form_on_submit: an anonymous submission (no name or e-mail) is not a lead';
  const data = { leadId: mauticId('contact', lead.string('id')), submissionId: mauticId('submission', id), formId: mauticId('form', submission.object('form').string('id')), campaignId: null };
  return [capture, translated({ type: 'RecordFormSubmission', data, occurredAt }, 'mautic', `submission:${id}`)];
}

export function contactIdentified(item: Fields): TranslatedCommand[] | string {
  const contact = item.object('contact');
  const identifiedAt = contact.optionalString('dateIdentified') ?? item.string('timestamp');
  const capture = captureLead(contact, fromIsoInstant(identifiedAt, contact.at('dateIdentified')), `contact:${contact.string('id')}`);
  return capture ? [capture] : 'mautic.lead_post_save_new: a contact without name or e-mail is not a lead';
}

/** One open per sent e-mail (stat) is the engagement; later opens of it change nothing. */
export function emailOpened(item: Fields): TranslatedCommand[] | string {
  const stat = item.object('stat');
  const lead = stat.optionalObject('lead');
  if (!lead) return 'mautic.email_on_open: opened by an address that is no contact';
  const id = stat.string('id');
  const data = {
    leadId: mauticId('contact', lead.string('id')),
    engagementId: mauticId('stat', `${id}:opened`),
    kind: 'opened' as const,
    emailId: mauticId('email', stat.object('email').string('id')),
    campaignId: null,
  };
  const occurredAt = fromIsoInstant(stat.optionalString('dateRead') ?? item.string('timestamp'), stat.at('dateRead'));
  return [translated({ type: 'RecordEmailEngagement', data, occurredAt }, 'mautic', `stat:${id}`)];
}
