import type { Projection } from '../../core/projection';
import { consultantsProjection } from './consultants.projection';
import { projectsProjection } from './projects.projection';
import { timeEntriesProjection } from './time-entries.projection';

export { consultantsProjection, type ConsultantDocument, type CapacityPeriod, type ActiveInterval, type TimeOff } from './consultants.projection';
export { projectsProjection, type ProjectDocument, type ProjectStatus } from './projects.projection';
export { timeEntriesProjection, type TimeEntryDocument } from './time-entries.projection';

export const deliveryProjections: Projection[] = [projectsProjection, timeEntriesProjection, consultantsProjection];
