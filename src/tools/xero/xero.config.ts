import type { ConfigValue } from '../../config-values';
import { readToolVariables, type Configured } from '../shared/tool-config';

export interface XeroConfig { readonly apiUrl: string; readonly accessToken: string; readonly tenantId: string }

/** `XERO_ACCESS_TOKEN`, `XERO_TENANT_ID`; Xero has one public API host, so `XERO_API_URL` exists for tests and proxies. */
export function readXeroConfig(value: ConfigValue, problems: string[]): Configured<XeroConfig> {
  const variables = { apiUrl: 'XERO_API_URL', accessToken: 'XERO_ACCESS_TOKEN', tenantId: 'XERO_TENANT_ID' };
  return readToolVariables(value, problems, variables, { url: 'apiUrl', defaults: { XERO_API_URL: 'https://api.xero.com' } });
}
