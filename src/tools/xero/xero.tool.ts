import { signedPost } from '../../ingest/receiver/tool-ingest';
import type { ToolParts } from '../shared/tool-parts';
import { XeroClient } from './xero.client';
import { readXeroConfig, type XeroConfig } from './xero.config';
import { xeroDeliveries } from './xero.dedupe';
import { xeroProbe } from './xero.probe';
import { verifyXero } from './xero.signature';
import { XeroSyncSource } from './xero.sync-source';
import { translateXero } from './xero.translate';

/** Xero: signed notifications without data (intent-to-receive answered 200 with empty bodies), invoices pulled. */
export const xeroTool = {
  config: readXeroConfig,
  client: (config, http) => new XeroClient(config, http),
  webhooks: {
    secretIn: 'signature',
    receiver: () => ({ ...signedPost, verify: verifyXero, split: xeroDeliveries, secretHeaders: ['x-xero-signature'], emptyBodies: true, acceptedStatus: 200 }),
    translate: translateXero,
  },
  sync: { intervalSeconds: 600, source: (config, http) => new XeroSyncSource(new XeroClient(config, http), config.tenantId) },
  probe: (client) => xeroProbe(client),
} satisfies ToolParts<XeroConfig, XeroClient>;
