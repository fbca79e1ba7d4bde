import { createHash } from 'node:crypto';
import type { Json } from '../../core/read-store.port';
import { type DeliveryDraft, type DeliverySplitter, isObject, type JsonObject, MalformedDeliveryError, optionalKeyPart } from '../../ingest/receiver/delivery-draft';

/** Paths into an item whose values identify it, per event type (the shared Mautic notes). */
const keyPaths: Readonly<Record<string, readonly string[]>> = {
  'mautic.form_on_submit': ['submission.id'],
  'mautic.email_on_open': ['stat.id', 'stat.openCount'],
  'mautic.email_on_send': ['idHash', 'contact.id'],
  'mautic.page_on_hit': ['hit.id'],
  'mautic.lead_points_change': ['contact.id', 'timestamp', 'points.new_points'],
  'mautic.lead_post_save_new': ['contact.id', 'timestamp', 'contact.dateModified'],
  'mautic.lead_post_save_update': ['contact.id', 'timestamp', 'contact.dateModified'],
  'mautic.lead_post_delete': ['id', 'timestamp'],
  'mautic.lead_channel_subscription_changed': ['contact.id', 'timestamp', 'channel', 'new_status'],
  'mautic.lead_company_change': ['contact.id', 'company.id', 'added', 'timestamp'],
  'mautic.lead_list_change': ['contact.id', 'segment.id', 'action', 'timestamp'],
  'mautic.company_post_save': ['company.id', 'timestamp', 'company.dateModified'],
  'mautic.company_post_delete': ['id', 'timestamp'],
  'mautic.sms_on_send': ['smsId', 'contact.id', 'timestamp'],
};

function at(item: JsonObject, path: string): Json | undefined {
  return path.split('.').reduce<Json | undefined>((value, key) => (isObject(value) ? value[key] : undefined), item);
}

/** Known kinds use their identifying fields; an unknown kind falls back to the item's content hash. */
function dedupeKeyOf(eventType: string, item: JsonObject): string {
  const paths = keyPaths[eventType];
  const parts = paths?.map((path) => optionalKeyPart(at(item, path)));
  if (parts && parts[0] !== '') return `${eventType}:${parts.join(':')}`;
  return `${eventType}:sha256:${createHash('sha256').update(JSON.stringify(item)).digest('hex')}`;
}

/**
 * `{ "<event type>": [items] }`, several types and up to 10 items in queue mode: one delivery per
 * item, its payload shaped like an immediate-mode body (`{ "<event type>": [item] }`).
 *
 * The "send test payload" button (WebhookBundle AjaxController::sendHookTestAction, Mautic 4–5)
 * posts each selected type's sample from `<Bundle>/Assets/WebhookPayload/*.json` — an object for
 * email_on_open, form_on_submit and page_on_hit, a list for the lead ones — plus a top-level
 * `timestamp` no real delivery has (real items carry their own). Its deliveries keep that
 * `timestamp`, so the translator can tell a test from a fact, and key apart from real ones.
 */
export const mauticDeliveries: DeliverySplitter = ({ body }) => {
  const drafts: DeliveryDraft[] = [];
  const test = typeof body.timestamp === 'string' ? { timestamp: body.timestamp } : null;
  for (const [eventType, items] of Object.entries(body)) {
    if (eventType === 'timestamp') continue;
    const list = Array.isArray(items) ? items : test && isObject(items) ? [items] : null;
    if (list === null) throw new MalformedDeliveryError(`${eventType} must be an array of events`);
    list.forEach((item, index) => {
      if (!isObject(item)) throw new MalformedDeliveryError(`${eventType}[${index}] must be an object`);
      const dedupeKey = test ? `test:${test.timestamp}:${dedupeKeyOf(eventType, item)}` : dedupeKeyOf(eventType, item);
      drafts.push({ dedupeKey, eventKind: eventType, payload: { [eventType]: [item], ...test } });
    });
  }
  return drafts;
};
