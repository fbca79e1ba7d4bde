import { describeDamage } from '../core/event-damage';
import type { ProjectionNotice } from '../core/projection-runner';
import type { ReactorNotice } from '../core/reactor';
import { logger } from './logger';

/** Every processor reports as `component: processors`, named by `processor`, whatever its kind. */
const component = 'processors';

/** What the projection runner tells an operator, as log lines. */
export function logProjectionNotice(notice: ProjectionNotice): void {
  switch (notice.kind) {
    case 'paused':
      return logger.error({ component, processor: notice.projection, projection: notice.projection, code: notice.code, err: notice.error }, `projection ${notice.projection} paused: ${notice.reason}`);
    case 'resumed':
      return logger.info({ component, processor: notice.projection, projection: notice.projection, after: notice.after }, `projection ${notice.projection} resumed`);
    case 'skipped':
      return logger.error({ component, processor: notice.projection, projection: notice.projection, skippedEvent: notice.event }, `projection ${notice.projection} went past ${describeDamage(notice.event)}`);
    case 'rebuild_leftover_dropped':
      return logger.warn({ component, collection: notice.collection }, `dropped ${notice.collection}, left by an interrupted rebuild`);
    case 'wakeups_failed':
      return logger.error({ component, err: notice.error }, 'the log subscription that wakes the projections failed; they poll instead');
    case 'handed_over_rebuild_ended':
      if (notice.error) return logger.error({ component, processor: notice.projection, projection: notice.projection }, `projection ${notice.projection}: the rebuild another process asked for failed: ${notice.error}`);
      return logger.info({ component, processor: notice.projection, projection: notice.projection }, `projection ${notice.projection} rebuilt, as another process asked`);
  }
}

/** What a reactor's loop tells an operator, as log lines. */
export function logReactorNotice(notice: ReactorNotice): void {
  const fields = { component, processor: notice.reactor, err: notice.error };
  switch (notice.kind) {
    case 'reactor_retrying':
      return logger.warn({ ...fields, eventId: notice.eventId, attempt: notice.attempt }, `reactor ${notice.reactor} failed on event ${notice.eventId} (attempt ${notice.attempt}); trying it again`);
    case 'reactor_gave_up':
      return logger.error({ ...fields, eventId: notice.eventId, eventType: notice.eventType }, `reactor ${notice.reactor} gave up on ${notice.eventType} ${notice.eventId} and went on`);
    case 'reactor_resubscribing':
      return logger.error(fields, `reactor ${notice.reactor} lost its subscription; following again from its checkpoint`);
    case 'reactor_checkpoint_failed':
      return logger.warn(fields, `reactor ${notice.reactor} could not save its checkpoint; the next save writes it`);
  }
}
