import type { ToolsConfig } from './tools.config';
import type { ClientOptions, ToolName } from './shared/tool-http';
import { InvoiceNinjaClient } from './invoiceninja/invoiceninja.client';
import { MauticClient } from './mautic/mautic.client';
import { NextcloudClient } from './nextcloud/nextcloud.client';
import { PlaneClient } from './plane/plane.client';
import { SlackClient } from './slack/slack.client';

/** One client per configured tool; null where the tool is not configured. */
export interface ToolClients {
  readonly plane: PlaneClient | null;
  readonly nextcloud: NextcloudClient | null;
  readonly mautic: MauticClient | null;
  readonly invoiceninja: InvoiceNinjaClient | null;
  readonly slack: SlackClient | null;
}

export type ToolClient<K extends ToolName> = NonNullable<ToolClients[K]>;

export function createToolClients(tools: ToolsConfig, options: ClientOptions): ToolClients {
  return {
    plane: tools.plane && new PlaneClient(tools.plane, options),
    nextcloud: tools.nextcloud && new NextcloudClient(tools.nextcloud, options),
    mautic: tools.mautic && new MauticClient(tools.mautic, options),
    invoiceninja: tools.invoiceninja && new InvoiceNinjaClient(tools.invoiceninja, options),
    slack: tools.slack && new SlackClient(tools.slack, options),
  };
}
