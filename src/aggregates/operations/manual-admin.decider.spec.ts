import { describe, it } from 'vitest';
import { deciderSpec } from '../../testing/decider-spec';
import type { ManualAdminCommand } from './manual-admin.commands';
import { manualAdminDecider } from './manual-admin.decider';
import type { ManualAdminEvent } from './manual-admin.events';

const spec = deciderSpec(manualAdminDecider);

const entry = { entryId: 'ma-1', minutes: 45, description: 'Reconciled Stripe payouts by hand', performedOn: '2026-03-02' };
const record = (data: Partial<typeof entry> = {}): ManualAdminCommand => ({
  type: 'RecordManualAdmin',
  occurredAt: '2026-03-02T06:00:00.000Z',
  data: { ...entry, ...data },
});
const recorded: ManualAdminEvent = { type: 'ManualAdminRecorded', data: entry };

describe('manual admin decider', () => {
  it('records minutes of manual admin on a business date', () => spec.given([]).when(record()).then([recorded]));

  it('treats the same entry twice as a no-op', () => spec.given([recorded]).when(record()).thenNothingHappens());

  it('rejects the same entry id with other minutes', () => spec.given([recorded]).when(record({ minutes: 60 })).thenRejects('manual_admin.already_recorded'));

  it('rejects minutes that are not positive', () => {
    for (const minutes of [0, -5, Number.NaN]) spec.given([]).when(record({ minutes })).thenRejects('manual_admin.invalid_minutes');
  });

  it('rejects a performed date that is not a calendar date', () => spec.given([]).when(record({ performedOn: '2026-02-30' })).thenRejects('input.invalid_date'));
});
