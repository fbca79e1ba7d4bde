import type { ToolHttpClient } from '../shared/tool-http.client';
import { type ToolProbe } from '../shared/tool-probe';
import type { XeroConfig } from './xero.config';

/** Xero: the organisation proves token and tenant; webhooks are set in the developer portal, proven by intent-to-receive. */
export function xeroProbe(credentials: XeroConfig, http: ToolHttpClient): ToolProbe {
  const headers = { authorization: `Bearer ${credentials.accessToken}`, 'xero-tenant-id': credentials.tenantId };
  return {
    credentials: async () => void (await http.getJson({ url: `${credentials.apiUrl}/api.xro/2.0/Organisation`, headers })),
    webhooks: async () => null,
    notCheckable: "set in Xero's developer portal, which has no API: Xero's intent-to-receive proves the key when it is saved",
  };
}
