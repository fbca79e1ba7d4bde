import type { Delivery, IdentityLookup, TranslatedCommand, Translation } from '../../ingest/delivery';
import { Fields } from '../shared/mapping/payload.reader';
import { commandsOf, ignored, translateWith } from '../shared/mapping/translation.results';
import { contactIdentified, emailOpened, formSubmitted } from './mautic-contact.mapping';

type ItemTranslator = (item: Fields) => TranslatedCommand[] | string;

const used: Readonly<Record<string, ItemTranslator>> = {
  'mautic.form_on_submit': formSubmitted,
  'mautic.lead_post_save_new': contactIdentified,
  'mautic.email_on_open': emailOpened,
};

/** Why each other webhook type of Mautic 5.1 (every `addEvent` of its WebhookSubscribers) changes nothing. */
const notUsed: Readonly<Record<string, string>> = {
  'mautic.lead_points_change': 'lead scoring is not part of the pipeline',
  'mautic.lead_post_save_update': 'Mautic stages are not mapped to the sales pipeline',
  'mautic.lead_post_delete': 'a contact deleted in Mautic keeps its lead and history in Zixly (won or lost is a sales fact)',
  'mautic.lead_channel_subscription_changed': 'e-mail subscription changes are not a sales fact',
  'mautic.lead_company_change': 'Mautic companies are not mapped; a lead carries its company name',
  'mautic.lead_list_change': 'segments are marketing lists, not pipeline stages',
  'mautic.company_post_save': 'Mautic companies are not mapped to clients',
  'mautic.company_post_delete': 'Mautic companies are not mapped to clients',
  'mautic.email_on_send': 'a send is not engagement; opens are recorded',
  'mautic.page_on_hit': 'page hits are not tracked (no UTM attribution)',
  'mautic.sms_on_send': 'SMS is not a channel Zixly measures',
};

/**
 * A body holds arrays of items under event-type keys, several types at once in queue mode. Items
 * of types the product uses become commands; the others are acknowledged. Leads are not clients,
 * so nothing here needs the identity mapping.
 */
export function translateMautic(delivery: Delivery, _identities: IdentityLookup): Translation {
  return translateWith(() => {
    const body = Fields.of(delivery.payload);
    if (body.has('timestamp')) return ignored("mautic: the \"send test payload\" button's sample (a top-level timestamp): not a real event");
    const commands: TranslatedCommand[] = [];
    const reasons = new Set<string>();
    for (const type of Object.keys(body.value).filter((key) => key.startsWith('mautic.'))) {
      for (const item of body.list(type)) {
        const result = used[type]?.(item) ?? `${type}: ${notUsed[type] ?? 'not used'}`;
        if (typeof result === 'string') reasons.add(result);
        else commands.push(...result);
      }
    }
    if (commands.length > 0) return commandsOf(commands);
    return ignored(reasons.size > 0 ? [...reasons].join('; ') : 'mautic: no events in the body');
  });
}
