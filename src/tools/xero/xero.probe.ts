import type { ToolProbe } from '../shared/tool-probe';
import type { XeroClient } from './xero.client';

/** Xero: the organisation proves token and tenant; webhooks are set in the developer portal, proven by intent-to-receive. */
export function xeroProbe(client: XeroClient): ToolProbe {
  return {
    credentials: async () => void (await client.organisation()),
    webhooks: async () => null,
    notCheckable: "set in Xero's developer portal, which has no API: Xero's intent-to-receive proves the key when it is saved",
  };
}
