import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatwootDeliveries } from '../../tools/chatwoot/chatwoot.dedupe';
import { invoiceNinjaDeliveries } from '../../tools/invoiceninja/invoiceninja.dedupe';
import { mauticDeliveries } from '../../tools/mautic/mautic.dedupe';
import { nextcloudDeliveries } from '../../tools/nextcloud/nextcloud.dedupe';
import { planeDeliveries } from '../../tools/plane/plane.dedupe';
import { xeroDeliveries } from '../../tools/xero/xero.dedupe';
import { fixturePath } from '../../testing/tools/fixture-deliveries';
import type { DedupeInput, DeliverySplitter, JsonObject } from './delivery-draft';

/** A shared-docs sample (copied to src/tools/<tool>/fixtures) as the receiver sees it after verification. */
function sample(name: string, headers: Record<string, string> = {}, pathSuffix: string | null = null): DedupeInput {
  const { _headers, _note, ...body } = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as JsonObject;
  return { raw: Buffer.from(JSON.stringify(body)), body, headers, pathSuffix };
}

const keys = (split: DeliverySplitter, input: DedupeInput) => split(input).map(({ dedupeKey, eventKind }) => ({ dedupeKey, eventKind }));

describe('dedupe keys from the shared samples', () => {
  it('Plane v1: webhook id and the body hash, since X-Plane-Delivery changes per retry', () => {
    const input = sample('plane.issue.updated.state', { 'x-plane-delivery': 'changes-per-retry' });
    const [draft] = planeDeliveries(input);
    expect(draft!.eventKind).toBe('issue.updated');
    expect(draft!.dedupeKey).toMatch(new RegExp(`^v1:${String(input.body.webhook_id)}:[0-9a-f]{64}$`));
    expect(planeDeliveries({ ...input, headers: { 'x-plane-delivery': 'another' } })[0]!.dedupeKey).toBe(draft!.dedupeKey);
  });

  it('Plane v2: the stable event_id', () => {
    const input = sample('plane.v2.workitem.updated');
    expect(keys(planeDeliveries, input)).toEqual([{ dedupeKey: `v2:${String(input.body.event_id)}`, eventKind: String(input.body.event) }]);
  });

  it('Chatwoot: the signed body digest, whatever the unsigned X-Chatwoot-Delivery or a new signing second say; event + id + updated_at unsigned', () => {
    const signed = sample('chatwoot.conversation_created', { 'x-chatwoot-delivery': 'd-1', 'x-chatwoot-timestamp': '1780000000', 'x-chatwoot-signature': 'sha256=ab' });
    const [draft] = keys(chatwootDeliveries, signed);
    expect(draft).toEqual({ dedupeKey: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), eventKind: 'conversation_created' });
    const resent = { ...signed, headers: { ...signed.headers, 'x-chatwoot-delivery': 'd-2', 'x-chatwoot-timestamp': '1780000009', 'x-chatwoot-signature': 'sha256=cd' } };
    expect(keys(chatwootDeliveries, resent)[0]!.dedupeKey).toBe(draft!.dedupeKey);
    const input = sample('chatwoot.conversation_created');
    expect(keys(chatwootDeliveries, input)[0]!.dedupeKey).toBe(`conversation_created:${String(input.body.id)}:${String(input.body.updated_at)}`);
  });

  it('Invoice Ninja: event, entity id and updated_at, with status_id for payments; the event by name or id', () => {
    const client = sample('invoiceninja.create_client', { 'x-in-event': '1' });
    expect(keys(invoiceNinjaDeliveries, client)).toEqual([{ dedupeKey: `create_client:${String(client.body.id)}:${String(client.body.updated_at)}`, eventKind: 'create_client' }]);
    const payment = sample('invoiceninja.create_payment', {}, 'create_payment');
    expect(keys(invoiceNinjaDeliveries, payment)[0]!.dedupeKey).toBe(`create_payment:${String(payment.body.id)}:${String(payment.body.updated_at)}:${String(payment.body.status_id)}`);
    expect(keys(invoiceNinjaDeliveries, sample('invoiceninja.create_project', {}, 'create_project'))[0]!.eventKind).toBe('project_create');
    expect(() => invoiceNinjaDeliveries(sample('invoiceninja.create_client'))).toThrow(/no event name/);
  });

  it('Xero: tenantId + category + resourceId + type + eventDateUtc, one per event', () => {
    expect(keys(xeroDeliveries, sample('xero.events_batch'))).toEqual([
      { dedupeKey: '4e3eef5b-31cd-45fa-bec2-55c777be0c8a:INVOICE:fc5b5e11-d99a-4f9e-baaa-3c648c2300f3:UPDATE:2026-06-02T09:31:04.198', eventKind: 'INVOICE.UPDATE' },
      { dedupeKey: '4e3eef5b-31cd-45fa-bec2-55c777be0c8a:CONTACT:717f2bfc-c6d4-41fd-b238-3f2f0c0cf777:CREATE:2026-06-02T09:31:05.902', eventKind: 'CONTACT.CREATE' },
    ]);
    expect(xeroDeliveries(sample('xero.intent_to_receive'))).toEqual([]);
  });

  it('Mautic: submission id, stat id + openCount, contact id + timestamp (+ points or dateModified)', () => {
    const form = sample('mautic.form_on_submit').body['mautic.form_on_submit'] as any;
    expect(keys(mauticDeliveries, sample('mautic.form_on_submit'))).toEqual([{ dedupeKey: `mautic.form_on_submit:${form[0].submission.id}`, eventKind: 'mautic.form_on_submit' }]);
    const open = (sample('mautic.email_on_open').body['mautic.email_on_open'] as any)[0];
    expect(keys(mauticDeliveries, sample('mautic.email_on_open'))[0]!.dedupeKey).toBe(`mautic.email_on_open:${open.stat.id}:${open.stat.openCount}`);
    const points = (sample('mautic.lead_points_change').body['mautic.lead_points_change'] as any)[0];
    expect(keys(mauticDeliveries, sample('mautic.lead_points_change'))[0]!.dedupeKey).toBe(`mautic.lead_points_change:${points.contact.id}:${points.timestamp}:${points.points.new_points}`);
    const lead = (sample('mautic.lead_post_save_new').body['mautic.lead_post_save_new'] as any)[0];
    expect(keys(mauticDeliveries, sample('mautic.lead_post_save_new'))[0]!.dedupeKey).toBe(`mautic.lead_post_save_new:${lead.contact.id}:${lead.timestamp}:${lead.contact.dateModified}`);
  });

  it('Nextcloud: event class + node ids + time + user', () => {
    expect(keys(nextcloudDeliveries, sample('nextcloud.NodeRenamedEvent'))).toEqual([
      { dedupeKey: 'OCP\\Files\\Events\\Node\\NodeRenamedEvent:48213,48213:1779880999:jane', eventKind: 'OCP\\Files\\Events\\Node\\NodeRenamedEvent' },
    ]);
    const created = sample('nextcloud.NodeCreatedEvent');
    const node = (created.body.event as any).node;
    expect(keys(nextcloudDeliveries, created)[0]!.dedupeKey).toBe(`OCP\\Files\\Events\\Node\\NodeCreatedEvent:${node.id}:${String(created.body.time)}:${(created.body.user as any)?.uid ?? ''}`);
  });
});
