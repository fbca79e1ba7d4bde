import type { ManualAdminRecorded } from '../../aggregates/operations/manual-admin.events';
import type { RecordedEvent } from '../../core/messages';
import type { Projection } from '../../core/projection';
import type { ReadDocument } from '../../core/read-store.port';

/** Manual admin work still done by hand; it counts on `performedOn`, the business date it was done. */
export interface ManualAdminDocument extends ReadDocument {
  readonly entryId: string;
  readonly minutes: number;
  readonly performedOn: string;
  readonly description: string;
}

export const manualAdminProjection: Projection<ManualAdminDocument> = {
  name: 'manual_admin',
  version: 1,
  handles: ['ManualAdminRecorded'],
  documentIds: (event) => [(event as RecordedEvent<ManualAdminRecorded>).data.entryId],
  evolve(entry, event, id) {
    if (entry) return entry;
    const { minutes, performedOn, description } = (event as RecordedEvent<ManualAdminRecorded>).data;
    return { _id: id, entryId: id, minutes, performedOn, description };
  },
  indexes: [{ name: 'manual_admin_performed_on', fields: ['performedOn'] }],
};
