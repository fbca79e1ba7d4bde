import type { ConfigValue } from '../../config-values';
import { readToolVariables, withExtra, type Configured } from '../shared/tool-config';

export interface MauticCredentials { readonly apiUrl: string; readonly username: string; readonly password: string }

export interface MauticConfig extends MauticCredentials {
  /** `MAUTIC_WELCOME_EMAIL_ID`: the template email sent to a new client; without it that step is skipped. */
  readonly welcomeEmailId: string | null;
}

/** `MAUTIC_API_URL`, `MAUTIC_USERNAME`, `MAUTIC_PASSWORD` (and `MAUTIC_WELCOME_EMAIL_ID`). */
export function readMauticConfig(value: ConfigValue, problems: string[]): Configured<MauticConfig> {
  const credentials = readToolVariables(value, problems, { apiUrl: 'MAUTIC_API_URL', username: 'MAUTIC_USERNAME', password: 'MAUTIC_PASSWORD' }, { url: 'apiUrl' });
  return withExtra(credentials, () => ({ welcomeEmailId: value('MAUTIC_WELCOME_EMAIL_ID') ?? null }));
}
