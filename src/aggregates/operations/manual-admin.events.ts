import type { DomainEvent } from '../../core/messages';

/**
 * Manual admin work still done by hand, the denominator's other half of manualWorkReduction.
 * `performedOn` is a calendar date in the business time zone.
 */
export type ManualAdminRecorded = DomainEvent<
  'ManualAdminRecorded',
  { entryId: string; minutes: number; description: string; performedOn: string }
>;

export type ManualAdminEvent = ManualAdminRecorded;
