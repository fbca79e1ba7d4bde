import type { Projection } from '../core/projection';
import { identityProjections } from './identity';
import { deliveryProjections } from './delivery';
import { financialProjections } from './financial';
import { operationsProjections } from './operations';
import { salesProjections } from './sales';
import { supportProjections } from './support';
import { slaTimersProjection } from './support/sla-timers.projection';
import { targetsProjections } from './targets';

/** The read models the API, the dashboards and `asOf` read: kept in every configuration; an area joins by exporting its array from its index. */
export const apiProjections: Projection[] = [
  ...deliveryProjections,
  ...financialProjections,
  ...salesProjections,
  ...supportProjections,
  ...operationsProjections,
  ...targetsProjections,
  ...identityProjections,
];

/**
 * The read models only the workflows read (the SLA timers the escalation watches): kept where the
 * workflows run, so a process without them folds none of their events.
 */
export const workflowProjections: Projection[] = [slaTimersProjection];

/** Every projection of the product. */
export const allProjections: Projection[] = [...apiProjections, ...workflowProjections];

/** The projections a process keeps: the API's everywhere, the workflows' where `WORKFLOWS_ENABLED`. */
export function keptProjections(workflows: { readonly enabled: boolean }): Projection[] {
  return workflows.enabled ? allProjections : apiProjections;
}
