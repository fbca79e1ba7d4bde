import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, type AppFiles, appFiles } from '../support/app-env';
import { AppProcess } from '../support/app-process';
import { graphqlData } from '../support/graphql-call';
import type { ProbeTarget } from './probe';
import { probes as damagedFileProbes } from './probes/damaged-files.probes';
import { probes as importProbes } from './probes/import.probes';

/**
 * The import and damaged-files probes of the "hostile at scale" scenario, each against the composed
 * app in a child process: every one must be refused cleanly or served, never leak or fail.
 */
describe('hostile at scale: import and damaged-files probes', () => {
  let files: AppFiles;
  let app: AppProcess;
  let target: ProbeTarget;
  beforeAll(async () => {
    files = appFiles('zixly-store-probes-');
    const env = appEnv(files);
    app = await AppProcess.start(env);
    const keyOf = async (role: 'VIEWER' | 'EDITOR') =>
      (await graphqlData<{ createApiKey: { secret: string } }>(app.url, files.adminKey, `mutation { createApiKey(name: "${role}", role: ${role}) { secret } }`)).createApiKey.secret;
    target = { url: app.url, dataDir: files.dataDir, env, keys: { VIEWER: await keyOf('VIEWER'), EDITOR: await keyOf('EDITOR'), ADMIN: files.adminKey } };
  }, 60_000);
  afterAll(async () => {
    await app?.kill();
    files?.remove();
  });

  it('has at least 12 of them, each named once', () => {
    const names = [...importProbes, ...damagedFileProbes].map((probe) => probe.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const probe of [...importProbes, ...damagedFileProbes]) {
    it(`${probe.class}: ${probe.name}`, async () => {
      const outcome = await probe.run(target);

      expect(['refused', 'served'], `${outcome.kind}: ${outcome.detail}`).toContain(outcome.kind);
    }, 120_000);
  }
});
