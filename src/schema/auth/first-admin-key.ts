import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../../logging/logger';
import type { ApiKeys } from './api-keys.service';

/**
 * On a store with no API key at all and no `ZIXLY_ADMIN_KEY`, creates one ADMIN key so that a
 * fresh `npm start` can be used at once. The secret goes to a file readable by the owner only —
 * never to the log — and the log says where it is.
 */
export async function ensureFirstAdminKey(apiKeys: ApiKeys, dataDir: string): Promise<string | null> {
  if (apiKeys.list().length > 0) return null;
  const { key, secret } = await apiKeys.create('first admin', 'ADMIN', { actor: 'system:first-start', correlationId: 'first-start' });
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'admin-key.txt');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  logger.info(
    { component: 'auth', keyId: key.keyId, path },
    `No API key existed: created an ADMIN key (${key.keyId}); its secret is in ${path}. Send it as "Authorization: Bearer <secret>", create narrower keys with createApiKey, then delete the file.`,
  );
  return path;
}
