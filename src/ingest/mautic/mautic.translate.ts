import type { Delivery, IdentityLookup, TranslatedCommand, Translation } from '../delivery';
import { Fields } from '../mapping/payload.reader';
import { commandsOf, ignored, translateWith } from '../mapping/translation.results';
import { contactIdentified, emailOpened, formSubmitted } from './mautic-contact.mapping';

type ItemTranslator = (item: Fields) => TranslatedCommand[] | string;

const used: Readonly<Record<string, ItemTranslator>> = {
  'mautic.form_on_submit': formSubmitted,
  'mautic.lead_post_save_new': contactIdentified,
  'mautic.email_on_open': emailOpened,
};

const notUsed: Readonly<Record<string, string>> = {
  'mautic.lead_points_change': 'lead scoring is not part of the pipeline',
  'mautic.lead_post_save_update': 'Mautic stages are not mapped to the sales pipeline',
};

/**
 * A body holds arrays of items under event-type keys, several types at once in queue mode. Items
 * of types the product uses become commands; the others are acknowledged. Leads are not clients,
 * so nothing here needs the identity mapping.
 */
export function translateMautic(delivery: Delivery, _identities: IdentityLookup): Translation {
  return translateWith(() => {
    const body = Fields.of(delivery.payload);
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
