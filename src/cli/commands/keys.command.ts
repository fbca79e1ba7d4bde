import { systemClock } from '../../core/time';
import { ApiKeys } from '../../schema/auth/api-keys.service';
import type { Role } from '../../schema/context';
import { type CliIo, type CommandInput, exitCodes } from '../cli-command';
import { cliActor, withEventStore } from '../cli-context';
import { jsonLine, table } from '../cli-table';

/** The key index is loaded from the `ApiKey-*` streams, used once, and let go. */
async function withApiKeys<T>(io: CliIo, work: (keys: ApiKeys) => Promise<T>): Promise<T> {
  return withEventStore(io, async ({ eventStore }) => {
    const keys = new ApiKeys(eventStore, systemClock);
    await keys.start();
    try {
      return await work(keys);
    } finally {
      await keys.stop();
    }
  });
}

export async function createKey({ args, options }: CommandInput, io: CliIo): Promise<number> {
  const { key, secret } = await withApiKeys(io, (keys) => keys.create(args[0]!, options.role as Role, cliActor()));
  io.stderr.write(`Created ${key.role} key "${key.name}" (${key.keyId}). Its secret, on stdout, is shown this once: send it as "Authorization: Bearer <secret>".\n`);
  io.stdout.write(`${secret}\n`);
  return exitCodes.ok;
}

export async function listKeys({ options }: CommandInput, io: CliIo): Promise<number> {
  const keys = await withApiKeys(io, async (apiKeys) => apiKeys.list());
  if (options.json) io.stdout.write(jsonLine(keys));
  else if (keys.length === 0) io.stdout.write('No API keys yet: create one with `zixly keys create <name> --role ADMIN`.\n');
  else io.stdout.write(table(['KEY ID', 'ROLE', 'NAME', 'CREATED', 'REVOKED'], keys.map((key) => [key.keyId, key.role, key.name, key.createdAt, key.revokedAt ?? '—'])));
  return exitCodes.ok;
}

export async function revokeKey({ args }: CommandInput, io: CliIo): Promise<number> {
  const key = await withApiKeys(io, (keys) => keys.revoke(args[0]!, cliActor()));
  io.stderr.write(`Revoked ${key.role} key "${key.name}" (${key.keyId}) at ${key.revokedAt}.\n`);
  return exitCodes.ok;
}
