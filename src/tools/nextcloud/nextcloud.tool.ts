import { signedPost } from '../../ingest/receiver/tool-ingest';
import type { ToolParts } from '../shared/tool-parts';
import { NextcloudClient } from './nextcloud.client';
import { readNextcloudConfig, type NextcloudConfig } from './nextcloud.config';
import { nextcloudDeliveries } from './nextcloud.dedupe';
import { nextcloudProbe } from './nextcloud.probe';
import { verifyNextcloud } from './nextcloud.signature';
import { translateNextcloud } from './nextcloud.translate';

/** Nextcloud: webhook listeners with a shared secret header (file events), client folders by the workflows. */
export const nextcloudTool = {
  config: readNextcloudConfig,
  client: (config, http) => new NextcloudClient(config, http),
  webhooks: {
    secretIn: 'header',
    receiver: (secretHeader) => ({ ...signedPost, verify: verifyNextcloud(secretHeader), split: nextcloudDeliveries, methods: ['POST', 'PUT'], secretHeaders: [secretHeader] }),
    translate: translateNextcloud,
  },
  probe: (client) => nextcloudProbe(client),
} satisfies ToolParts<NextcloudConfig, NextcloudClient>;
