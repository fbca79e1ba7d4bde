import type { Projection } from '../../core/projection';
import { consultantsProjection } from './consultants.projection';
import { projectsProjection } from './projects.projection';
import { timeEntriesProjection } from './time-entries.projection';

export { consultantsProjection, type ConsultantDocument, type CapacityPeriod, type ActiveInterval, type TimeOff } from './consultants.projection';
export { projectsProjection, type ProjectDocument, type ProjectStatus } from './projects.projection';
export { timeEntriesProjection, type TimeEntryDocument } from './time-entries.projection';

export { timeBucketsCollection, type TimeBucketDocument } from './time-buckets.projection';
export { dailyTimeFactsOf, timeFactsIn, type HoursFact, type TimeFacts } from './time-facts';
export { nextMonthStart } from './time-buckets.reads';

export const deliveryProjections: Projection[] = [projectsProjection, timeEntriesProjection, consultantsProjection];

export { activeProjects, projectsCompleted, averageProjectDurationDays, onTimeDeliveryRate } from './projects.queries';
export type { ActiveProjects, AverageDuration, OnTimeDelivery } from './projects.queries';
export { billableHours, timeEntriesInPeriod, type BillableHours } from './time.queries';
export { billableUtilisation, type BillableUtilisation, type ConsultantUtilisation, type Utilisation } from './utilisation.queries';
export { budgetBurn, type BudgetBurnOptions, type ProjectBudgetBurn } from './budget-burn.queries';
export { availableHours } from './availability';
export { billedValueCentsOf, costCentsOf, hoursBy, sumHours } from './hours';
