import { createHash } from 'node:crypto';
import { type DeliverySplitter, isObject, keyPart, objectAt, optionalKeyPart } from '../../ingest/receiver/delivery-draft';

/** Fields of `event` that identify what it is about: file nodes, form submissions, table rows. */
const idPaths = [
  ['node', 'id'],
  ['source', 'id'],
  ['target', 'id'],
  ['submission', 'id'],
  ['tableId'],
  ['rowId'],
] as const;

/** Key: event.class + node ids + time + user.uid (`time` is Unix seconds; `user` is null for cron). */
export const nextcloudDeliveries: DeliverySplitter = ({ raw, body }) => {
  const event = objectAt(body, 'event');
  const eventClass = keyPart(event.class, 'event.class');
  const ids = idPaths
    .map(([first, second]) => {
      const value = event[first];
      return second === undefined ? optionalKeyPart(value) : isObject(value) ? optionalKeyPart(value[second]) : '';
    })
    .filter((id) => id !== '');
  const user = isObject(body.user) ? optionalKeyPart(body.user.uid) : '';
  const time = keyPart(body.time, 'time');
  // Without any id the body itself is the only identity left.
  const subject = ids.length > 0 ? ids.join(',') : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  return [{ dedupeKey: `${eventClass}:${subject}:${time}:${user}`, eventKind: eventClass, payload: body }];
};
