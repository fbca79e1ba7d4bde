import type { ConfigValue } from '../../config-values';
import { readToolVariables, type Configured } from '../shared/tool-config';

export interface InvoiceNinjaConfig { readonly apiUrl: string; readonly apiToken: string }

/** `INVOICENINJA_API_URL`, `INVOICENINJA_API_TOKEN`. */
export function readInvoiceNinjaConfig(value: ConfigValue, problems: string[]): Configured<InvoiceNinjaConfig> {
  return readToolVariables(value, problems, { apiUrl: 'INVOICENINJA_API_URL', apiToken: 'INVOICENINJA_API_TOKEN' }, { url: 'apiUrl' });
}
