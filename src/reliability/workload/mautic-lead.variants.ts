import type { SeededRandom } from '../../demo/seeded-random';
import { isoSeconds, type Payload, samplePayload } from './fixture-payloads';
import type { WorkloadUnit } from './workload.types';

const firstNames = ['Ava', 'Noah', 'Mia', 'Leo', 'Zoe', 'Kai', 'Ivy', 'Max'];
const lastNames = ['Nguyen', 'Smith', 'Patel', 'Brown', 'Chen', 'Kelly', 'Rossi', 'Walker'];
const companies = ['Harbour Dental', 'Bright Logistics', 'Coral Legal', 'Peak Fitness', 'Reef Realty'];

interface Prospect {
  readonly contactId: number;
  readonly first: string;
  readonly last: string;
  readonly company: string;
  /** The form is submitted a second before Mautic saves the identified contact, as in the samples. */
  readonly submittedAt: number;
}

/**
 * A website visitor turned lead in Mautic: the "quote" form submitted, the identified contact saved,
 * then a newsletter opened — three deliveries (one per request, immediate mode) and three facts.
 */
export function mauticLeadUnit(index: number, random: SeededRandom, start: number): WorkloadUnit {
  const prospect: Prospect = { contactId: 20_000 + index, first: random.pick(firstNames), last: random.pick(lastNames), company: random.pick(companies), submittedAt: start + index * 113 };
  const submissionId = 30_000 + index;
  const statId = 40_000 + index;
  const leadId = `mautic:${prospect.contactId}`;
  const deliveries = [
    { label: `mautic:${prospect.contactId}:form`, tool: 'mautic' as const, body: JSON.stringify(formSubmitted(prospect, submissionId, random.pick([4, 5, 6]))) },
    { label: `mautic:${prospect.contactId}:identified`, tool: 'mautic' as const, body: JSON.stringify(contactSaved(prospect)) },
    { label: `mautic:${prospect.contactId}:opened`, tool: 'mautic' as const, body: JSON.stringify(emailOpened(prospect, statId, random.pick([31, 32]), random.int(3_600, 5 * 86_400))) },
  ];
  const facts = [
    { type: 'LeadCaptured', key: leadId },
    { type: 'LeadFormSubmitted', key: `mautic:submission:${submissionId}` },
    { type: 'LeadEmailEngaged', key: `mautic:stat:${statId}:opened` },
  ];
  return { deliveries, facts };
}

function contactFields(prospect: Prospect): Payload {
  const fields = samplePayload('mautic.form_on_submit')['mautic.form_on_submit'][0].submission.lead.fields;
  const email = `${prospect.first}.${prospect.last}.${prospect.contactId}@example.com`.toLowerCase();
  for (const [alias, value] of Object.entries({ firstname: prospect.first, lastname: prospect.last, company: prospect.company, email })) fields.core[alias].value = value;
  return fields;
}

function formSubmitted(prospect: Prospect, submissionId: number, formId: number): Payload {
  const item = samplePayload('mautic.form_on_submit')['mautic.form_on_submit'][0];
  const at = isoSeconds(prospect.submittedAt).replace('Z', '+00:00');
  item.submission = { ...item.submission, id: submissionId, form: { ...item.submission.form, id: formId }, dateSubmitted: at, lead: { ...item.submission.lead, id: prospect.contactId, fields: contactFields(prospect) } };
  item.timestamp = isoSeconds(prospect.submittedAt + 1).replace('Z', '+00:00');
  return { 'mautic.form_on_submit': [item] };
}

function contactSaved(prospect: Prospect): Payload {
  const item = samplePayload('mautic.lead_post_save_new')['mautic.lead_post_save_new'][0];
  const at = isoSeconds(prospect.submittedAt + 1).replace('Z', '+00:00');
  item.contact = { ...item.contact, id: prospect.contactId, fields: contactFields(prospect), dateAdded: at, dateModified: at, dateIdentified: at, lastActive: at };
  item.timestamp = at;
  return { 'mautic.lead_post_save_new': [item] };
}

function emailOpened(prospect: Prospect, statId: number, emailId: number, after: number): Payload {
  const item = samplePayload('mautic.email_on_open')['mautic.email_on_open'][0];
  const at = isoSeconds(prospect.submittedAt + after).replace('Z', '+00:00');
  item.stat = { ...item.stat, id: statId, emailAddress: contactFields(prospect).core.email.value, dateRead: at, lastOpened: at, openCount: 1, lead: { ...item.stat.lead, id: prospect.contactId, fields: contactFields(prospect) }, email: { ...item.stat.email, id: emailId } };
  item.timestamp = at;
  return { 'mautic.email_on_open': [item] };
}
