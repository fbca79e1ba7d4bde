import { ChatwootClient } from './chatwoot/chatwoot.client';
import { ChatwootSyncSource } from './chatwoot/chatwoot.sync-source';
import { InvoiceNinjaClient } from './invoiceninja/invoiceninja.client';
import { InvoiceNinjaSyncSource } from './invoiceninja/invoiceninja.sync-source';
import { MauticClient } from './mautic/mautic.client';
import { MauticSyncSource } from './mautic/mautic.sync-source';
import { PlaneClient } from './plane/plane.client';
import { PlaneSyncSource } from './plane/plane.sync-source';
import type { SyncHttpClient } from './sync-http.client';
import type { SyncSource } from './sync-source';
import type { SyncConfig, SyncTool } from './sync.config';
import { XeroClient } from './xero/xero.client';
import { XeroSyncSource } from './xero/xero.sync-source';

type Enabled<T extends SyncTool> = Extract<SyncConfig['tools'][T], { enabled: true }>;

/** The source of an enabled tool, over its REST client. */
export function syncSourceFor<T extends SyncTool>(config: Enabled<T>, http: SyncHttpClient): SyncSource {
  const enabled = config as Enabled<SyncTool>;
  switch (enabled.tool) {
    case 'plane':
      return new PlaneSyncSource(new PlaneClient(enabled.credentials, http));
    case 'invoiceninja':
      return new InvoiceNinjaSyncSource(new InvoiceNinjaClient(enabled.credentials, http));
    case 'xero':
      return new XeroSyncSource(new XeroClient(enabled.credentials, http), enabled.credentials.tenantId);
    case 'chatwoot':
      return new ChatwootSyncSource(new ChatwootClient(enabled.credentials, http));
    case 'mautic':
      return new MauticSyncSource(new MauticClient(enabled.credentials, http));
  }
}
