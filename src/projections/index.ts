import type { Projection } from '../core/projection';
import { identityProjections } from './identity';
import { deliveryProjections } from './delivery';
import { financialProjections } from './financial';
import { operationsProjections } from './operations';
import { salesProjections } from './sales';
import { supportProjections } from './support';
import { targetsProjections } from './targets';

/** Every read model the runner maintains; an area joins by exporting its array from its index. */
export const allProjections: Projection[] = [
  ...deliveryProjections,
  ...financialProjections,
  ...salesProjections,
  ...supportProjections,
  ...operationsProjections,
  ...targetsProjections,
  ...identityProjections,
];
