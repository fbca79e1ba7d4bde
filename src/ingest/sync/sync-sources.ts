import { ChatwootClient } from '../../tools/chatwoot/chatwoot.client';
import { ChatwootSyncSource } from '../../tools/chatwoot/chatwoot.sync-source';
import { InvoiceNinjaClient } from '../../tools/invoiceninja/invoiceninja-reads.client';
import { InvoiceNinjaSyncSource } from '../../tools/invoiceninja/invoiceninja.sync-source';
import { MauticClient } from '../../tools/mautic/mautic-reads.client';
import { MauticSyncSource } from '../../tools/mautic/mautic.sync-source';
import { PlaneClient } from '../../tools/plane/plane-reads.client';
import { PlaneSyncSource } from '../../tools/plane/plane.sync-source';
import type { SyncHttpClient } from '../../tools/shared/tool-reads';
import type { SyncSource } from './sync-source';
import type { SyncConfig, SyncTool } from './sync.config';
import { XeroClient } from '../../tools/xero/xero.client';
import { XeroSyncSource } from '../../tools/xero/xero.sync-source';

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
