import { signedPost } from '../../ingest/receiver/tool-ingest';
import type { ToolParts } from '../shared/tool-parts';
import { MauticClient } from './mautic.client';
import { readMauticConfig, type MauticConfig } from './mautic.config';
import { mauticDeliveries } from './mautic.dedupe';
import { mauticProbe } from './mautic.probe';
import { verifyMautic } from './mautic.signature';
import { MauticSyncSource } from './mautic.sync-source';
import { translateMautic } from './mautic.translate';

/** Mautic: signed webhooks (contacts, forms), contacts pulled, contacts and the welcome email by the workflows. */
export const mauticTool = {
  config: readMauticConfig,
  client: (config, http) => new MauticClient(config, http),
  webhooks: {
    secretIn: 'signature',
    // Mautic unpublishes a webhook answered 410.
    receiver: () => ({ ...signedPost, verify: verifyMautic, split: mauticDeliveries, secretHeaders: ['webhook-signature'], forbiddenStatuses: [410] }),
    translate: translateMautic,
  },
  sync: { intervalSeconds: 900, source: (config, http) => new MauticSyncSource(new MauticClient(config, http)) },
  probe: (client) => mauticProbe(client),
} satisfies ToolParts<MauticConfig, MauticClient>;
