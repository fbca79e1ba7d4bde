import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolsCheck } from '../cli/commands/tools-check.command';
import { loadConfig } from '../config';
import { errorCodes, TestApi } from '../testing/api-harness';
import { NextcloudFake } from './nextcloud/nextcloud.fake';
import { secretEnv, testSecrets } from '../testing/ingest/ingest.fixtures';
import { ChatwootFake } from './chatwoot/chatwoot.fake';
import { InvoiceNinjaFake } from './invoiceninja/invoiceninja.fake';
import { MauticFake } from './mautic/mautic.fake';
import { PlaneFake } from './plane/plane.fake';
import { XeroFake } from './xero/xero.fake';
import { checkTools } from './tools-check';

const publicUrl = 'https://ops.example.com';

describe('checking the tools: credentials and webhooks, against the fake servers', () => {
  let invoiceNinja: InvoiceNinjaFake;
  let chatwoot: ChatwootFake;
  let mautic: MauticFake;
  let plane: PlaneFake;
  let xero: XeroFake;
  let nextcloud: NextcloudFake;
  let env: Record<string, string>;

  beforeAll(async () => {
    [invoiceNinja, chatwoot, mautic, plane, xero, nextcloud] = await Promise.all([InvoiceNinjaFake.start(), ChatwootFake.start(), MauticFake.start({ username: 'sync', password: 'pa55' }), PlaneFake.start({ workspace: 'agency', apiKey: 'plane_api_key' }), XeroFake.start(), NextcloudFake.start()]);
    // Invoice Ninja: one subscription to us with the shared-secret header, one archived elsewhere.
    invoiceNinja.webhooks.push(
      { id: 'w1', event_id: '4', target_url: `${publicUrl}/webhooks/invoiceninja/create_payment`, headers: { 'X-Zixly-Secret': testSecrets.invoiceninja }, is_deleted: false, archived_at: 0 },
      { id: 'w2', event_id: '2', target_url: 'https://old.example.com/hook', headers: {}, is_deleted: false, archived_at: 1780000000 },
    );
    chatwoot.webhooks.push({ id: 3, url: `${publicUrl}/webhooks/chatwoot`, subscriptions: ['conversation_created'] });
    mautic.hooks.push({ id: 1, webhookUrl: `${publicUrl}/webhooks/mautic`, secret: 'someone-else-s-secret-0001', isPublished: true });
    nextcloud.webhooks.push({ id: 1, uri: 'https://elsewhere.example.com/webhooks/nextcloud', event: 'OCP\\Files\\Events\\Node\\NodeCreatedEvent', authMethod: 'header' });
    env = {
      ...secretEnv(),
      ZIXLY_PUBLIC_URL: `${publicUrl}/`,
      INVOICENINJA_API_URL: invoiceNinja.url,
      INVOICENINJA_API_TOKEN: invoiceNinja.token,
      CHATWOOT_API_URL: chatwoot.url,
      CHATWOOT_API_TOKEN: 'cw-token',
      CHATWOOT_ACCOUNT_ID: '1',
      MAUTIC_API_URL: `${mautic.url}/api`,
      MAUTIC_USERNAME: 'sync',
      MAUTIC_PASSWORD: 'pa55',
      PLANE_API_URL: plane.url,
      PLANE_API_KEY: 'plane_api_key',
      PLANE_WORKSPACE: 'agency',
      XERO_API_URL: xero.url,
      XERO_ACCESS_TOKEN: 'an-expired-token',
      XERO_TENANT_ID: 'tenant-1',
      NEXTCLOUD_URL: nextcloud.server.url,
      NEXTCLOUD_USER: nextcloud.user,
      NEXTCLOUD_APP_PASSWORD: nextcloud.appPassword,
    };
  });
  afterAll(async () => {
    await Promise.all([invoiceNinja, chatwoot, mautic, plane, xero].map((fake) => fake?.server.close()));
    await nextcloud?.server.close();
  });

  const expected = [
    { tool: 'plane', credentials: 'OK', webhook: 'NOT_CHECKABLE' },
    { tool: 'invoiceninja', credentials: 'OK', webhook: 'OK' },
    { tool: 'xero', credentials: 'REFUSED', webhook: 'UNKNOWN' },
    { tool: 'chatwoot', credentials: 'OK', webhook: 'SECRET_NOT_SHOWN' },
    { tool: 'mautic', credentials: 'OK', webhook: 'WRONG_SECRET' },
    { tool: 'nextcloud', credentials: 'OK', webhook: 'MISSING' },
  ];

  it('says per tool whether its credentials work and whether its webhook reaches us with our secret', async () => {
    const checks = await checkTools(loadConfig({ NODE_ENV: 'test', ...env }));
    expect(checks.map(({ tool, credentials, webhook }) => ({ tool, credentials, webhook }))).toEqual(expected);
    expect(checks.find((check) => check.tool === 'xero')!.credentialsMessage).toContain('401');
    expect(checks.find((check) => check.tool === 'nextcloud')!.webhookMessage).toContain('https://elsewhere.example.com/webhooks/nextcloud');
  });

  it('reports tools without credentials or secret as not configured and disabled', async () => {
    const checks = await checkTools(loadConfig({ NODE_ENV: 'test' }));
    expect(new Set(checks.map(({ credentials, webhook }) => `${credentials}/${webhook}`))).toEqual(new Set(['NOT_CONFIGURED/DISABLED']));
  });

  it('answers the toolsCheck query for ADMIN keys only', async () => {
    const api = await TestApi.start(env);
    try {
      const query = '{ toolsCheck { nodes { tool credentials webhook } } }';
      const { body } = await api.graphql<any, object>(query);
      expect(body.data.toolsCheck.nodes).toEqual(expected.map((row) => ({ ...row, tool: row.tool.toUpperCase() })));
      const viewer = await api.keyWithRole('VIEWER');
      expect(errorCodes(await api.graphql(query, {}, { key: viewer.secret }))).toEqual(['FORBIDDEN']);
    } finally {
      await api.stop();
    }
  });

  it('prints a table from `zixly tools check` and exits 1 when a tool is broken', async () => {
    const stdout = new PassThrough();
    const output: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => output.push(chunk));
    const code = await toolsCheck({ args: [], options: {} } as never, { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env } });
    expect(code).toBe(1);
    const printed = Buffer.concat(output).toString('utf8');
    expect(printed).toMatch(/mautic\s+OK\s+WRONG_SECRET/);
    expect(printed).toMatch(/invoiceninja\s+OK\s+OK/);
  });
});
