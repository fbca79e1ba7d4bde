import { signedPost } from '../../ingest/receiver/tool-ingest';
import type { ToolParts } from '../shared/tool-parts';
import { PlaneClient } from './plane.client';
import { readPlaneConfig, type PlaneConfig } from './plane.config';
import { planeDeliveries } from './plane.dedupe';
import { planeProbe } from './plane.probe';
import { verifyPlane } from './plane.signature';
import { PlaneSyncSource } from './plane.sync-source';
import { translatePlane } from './plane.translate';

/** Plane: signed webhooks (work items, comments, projects), worklogs pulled, projects and work items created by the workflows. */
export const planeTool = {
  config: readPlaneConfig,
  client: (config, http) => new PlaneClient(config, http),
  webhooks: {
    secretIn: 'signature',
    receiver: () => ({ ...signedPost, verify: verifyPlane, split: planeDeliveries, secretHeaders: ['x-plane-signature'] }),
    translate: translatePlane,
  },
  sync: { intervalSeconds: 900, source: (config, http) => new PlaneSyncSource(new PlaneClient(config, http)) },
  probe: (client) => planeProbe(client),
} satisfies ToolParts<PlaneConfig, PlaneClient>;
