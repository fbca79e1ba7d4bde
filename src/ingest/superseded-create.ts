import { isAppError } from '../core/errors';
import type { TranslatedCommand } from './delivery';

/**
 * Translators report a tool's current state as "create, then change" (LogHours then
 * CorrectTimeEntry): a create refused because its id exists with other facts is passed over when
 * the command that changes those facts follows in the same translation. Alone, it fails the
 * delivery (parked `invalid`, visible to admins) instead of being dropped.
 */
export function changedLaterInTranslation(error: unknown, rest: readonly TranslatedCommand[]): boolean {
  if (!isAppError(error) || !error.code.endsWith('.exists_with_other_facts')) return false;
  const changedBy = error.details.changedBy;
  return typeof changedBy === 'string' && rest.some(({ command }) => command.type === changedBy);
}
