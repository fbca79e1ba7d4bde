import { describe, expect, it } from 'vitest';
import type { Json } from '../../core/read-store.port';
import type { Delivery } from '../../ingest/delivery';
import { fixtureDelivery } from '../../testing/tools/fixture-deliveries';
import { IdentitySnapshot } from '../../ingest/identity/identity-lookup';
import { translateMautic } from './mautic.translate';

const translate = (delivery: Delivery) => translateMautic(delivery, IdentitySnapshot.of({}));
const withPayload = (delivery: Delivery, change: (body: Record<string, any>) => void): Delivery => {
  const body = structuredClone(delivery.payload) as Record<string, any>;
  change(body);
  return { ...delivery, payload: body as Json };
};
const jane = { leadId: 'mautic:1187', name: 'Jane Roe', email: 'jane@globex.example', company: 'Globex GmbH', source: 'website', campaignId: null };

describe('mautic translation of the sample deliveries', () => {
  it('captures the lead and records the submission of an inbound form', () => {
    const source = { tool: 'mautic', externalId: 'submission:902' };
    expect(translate(fixtureDelivery('mautic.form_on_submit'))).toEqual({
      outcome: 'commands',
      commands: [
        { command: { type: 'CaptureLead', data: jane, occurredAt: '2026-05-27T10:00:02.000Z' }, source },
        {
          command: { type: 'RecordFormSubmission', data: { leadId: 'mautic:1187', submissionId: 'mautic:submission:902', formId: 'mautic:form:4', campaignId: null }, occurredAt: '2026-05-27T10:00:02.000Z' },
          source,
        },
      ],
    });
  });

  it('captures a newly identified contact when it was identified', () =>
    expect(translate(fixtureDelivery('mautic.lead_post_save_new'))).toEqual({
      outcome: 'commands',
      commands: [{ command: { type: 'CaptureLead', data: jane, occurredAt: '2026-05-27T10:00:03.000Z' }, source: { tool: 'mautic', externalId: 'contact:1187' } }],
    }));

  it('records the first open of a sent e-mail as an engagement', () =>
    expect(translate(fixtureDelivery('mautic.email_on_open'))).toEqual({
      outcome: 'commands',
      commands: [
        {
          command: {
            type: 'RecordEmailEngagement',
            data: { leadId: 'mautic:1187', engagementId: 'mautic:stat:5521:opened', kind: 'opened', emailId: 'mautic:email:31', campaignId: null },
            occurredAt: '2026-06-01T07:42:19.000Z',
          },
          source: { tool: 'mautic', externalId: 'stat:5521' },
        },
      ],
    }));

  it('ignores a points change', () =>
    expect(translate(fixtureDelivery('mautic.lead_points_change'))).toEqual({ outcome: 'ignored', reason: 'mautic.lead_points_change: lead scoring is not part of the pipeline' }));
});

describe('mautic translation rules', () => {
  it('translates every item of a queued batch, whatever its type, and drops the ignored ones', () => {
    const form = fixtureDelivery('mautic.form_on_submit').payload as Record<string, Json>;
    const open = fixtureDelivery('mautic.email_on_open').payload as Record<string, Json>;
    const points = fixtureDelivery('mautic.lead_points_change').payload as Record<string, Json>;
    // Real batches carry a timestamp per item only (WebhookModel::getWebhookPayload, Mautic 3.3–5.1); a top-level one marks the test button.
    const batch = { ...form, ...open, ...points };
    const translation = translate({ ...fixtureDelivery('mautic.form_on_submit'), payload: batch });
    expect(translation.outcome === 'commands' && translation.commands.map(({ command }) => command.type)).toEqual([
      'CaptureLead',
      'RecordFormSubmission',
      'RecordEmailEngagement',
    ]);
  });

  it('captures a contact created by a Mautic user (import, manual entry) with source other', () => {
    const translation = translate(withPayload(fixtureDelivery('mautic.lead_post_save_new'), (body) => (body['mautic.lead_post_save_new'][0].contact.createdBy = 1)));
    expect(translation.outcome === 'commands' && translation.commands[0]!.command.data).toMatchObject({ source: 'other' });
  });

  it('ignores an anonymous submission, which is no lead', () => {
    const anonymous = withPayload(fixtureDelivery('mautic.form_on_submit'), (body) => (body['mautic.form_on_submit'][0].submission.lead.fields = { core: [] }));
    expect(translate(anonymous)).toEqual({ outcome: 'ignored', reason: 'mautic.form_on_submit: an anonymous submission (no name or e-mail) is not a lead' });
  });

  it('calls an open without its stat id invalid', () =>
    expect(translate(withPayload(fixtureDelivery('mautic.email_on_open'), (body) => delete body['mautic.email_on_open'][0].stat.id))).toEqual({
      outcome: 'invalid',
      reason: 'payload.mautic.email_on_open[0].stat.id must be a non-empty string, got nothing',
    }));
});
