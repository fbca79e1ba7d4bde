import type { ConfigValue } from '../../config-values';
import { readToolVariables, type Configured } from '../shared/tool-config';

export interface NextcloudConfig { readonly url: string; readonly user: string; readonly appPassword: string }

/** `NEXTCLOUD_URL`, `NEXTCLOUD_USER`, `NEXTCLOUD_APP_PASSWORD`. */
export function readNextcloudConfig(value: ConfigValue, problems: string[]): Configured<NextcloudConfig> {
  return readToolVariables(value, problems, { url: 'NEXTCLOUD_URL', user: 'NEXTCLOUD_USER', appPassword: 'NEXTCLOUD_APP_PASSWORD' }, { url: 'url' });
}
