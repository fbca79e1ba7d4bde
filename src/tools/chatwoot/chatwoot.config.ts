import type { ConfigValue } from '../../config-values';
import { readToolVariables, type Configured } from '../shared/tool-config';

export interface ChatwootConfig { readonly apiUrl: string; readonly apiToken: string; readonly accountId: string }

/** `CHATWOOT_API_URL`, `CHATWOOT_API_TOKEN`, `CHATWOOT_ACCOUNT_ID`. */
export function readChatwootConfig(value: ConfigValue, problems: string[]): Configured<ChatwootConfig> {
  return readToolVariables(value, problems, { apiUrl: 'CHATWOOT_API_URL', apiToken: 'CHATWOOT_API_TOKEN', accountId: 'CHATWOOT_ACCOUNT_ID' }, { url: 'apiUrl' });
}
