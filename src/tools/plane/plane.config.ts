import type { ConfigValue } from '../../config-values';
import { isHttpUrl, readToolVariables, withExtra, type Configured } from '../shared/tool-config';

export interface PlaneCredentials { readonly apiUrl: string; readonly apiKey: string; readonly workspace: string }

export interface PlaneConfig extends PlaneCredentials {
  /** Where people open Plane (`PLANE_WEB_URL`), for links; defaults to the API URL. */
  readonly webUrl: string;
}

/** `PLANE_API_URL`, `PLANE_API_KEY`, `PLANE_WORKSPACE` (and `PLANE_WEB_URL` for links). */
export function readPlaneConfig(value: ConfigValue, problems: string[]): Configured<PlaneConfig> {
  const webUrl = value('PLANE_WEB_URL');
  if (webUrl !== undefined && !isHttpUrl(webUrl)) problems.push(`PLANE_WEB_URL must be an http(s) URL, got "${webUrl}"`);
  const credentials = readToolVariables(value, problems, { apiUrl: 'PLANE_API_URL', apiKey: 'PLANE_API_KEY', workspace: 'PLANE_WORKSPACE' }, { url: 'apiUrl' });
  return withExtra(credentials, (config) => ({ webUrl: (webUrl ?? config.apiUrl).replace(/\/+$/, '') }));
}
