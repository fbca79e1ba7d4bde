import type { Delivery, IdentityLookup, Translation } from '../../ingest/delivery';
import { Fields } from '../shared/mapping/payload.reader';
import { ignored, translateWith } from '../shared/mapping/translation.results';

/**
 * Nextcloud file events have no business fact in the domain (no document or contract commands):
 * each well-formed delivery is acknowledged and counted as ignored. A body without an event class
 * is not a webhook_listeners delivery and is invalid.
 */
export function translateNextcloud(delivery: Delivery, _identities: IdentityLookup): Translation {
  return translateWith(() => {
    const eventClass = Fields.of(delivery.payload).object('event').string('class');
    const name = eventClass.split('\\').at(-1);
    return ignored(`nextcloud ${name}: file activity has no business fact in Zixly (counted only)`);
  });
}
