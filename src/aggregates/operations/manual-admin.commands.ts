import type { Command } from '../../core/messages';

/** `entryId` is the entry's id in the timesheet or form it came from: recording it twice is a no-op. */
export type RecordManualAdmin = Command<
  'RecordManualAdmin',
  { entryId: string; minutes: number; description: string; performedOn: string }
>;

export type ManualAdminCommand = RecordManualAdmin;
