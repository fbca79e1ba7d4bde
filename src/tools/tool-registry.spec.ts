import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translators } from '../ingest/translators';
import { syncTools as configuredSyncTools } from '../ingest/sync/sync.config';
import { webhookReceivers } from '../ingest/receiver/webhook-tools';
import { loadConfig } from '../config';
import { secretEnv } from '../testing/ingest/ingest.fixtures';
import { headerSecretTools, probedTools, syncTools, toolNames, toolRegistry, webhookTools } from '.';

const folders = readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name)
  .sort();

describe('the tool registry', () => {
  it('has one folder per registered tool, each declaring its parts in <tool>.tool.ts, and no folder left out', () => {
    expect(folders).toEqual([...toolNames].sort());
    expect(Object.keys(toolRegistry).sort()).toEqual([...toolNames].sort());
    for (const tool of folders) expect(existsSync(join(__dirname, tool, `${tool}.tool.ts`)), tool).toBe(true);
  });

  it('gives every tool that sends webhooks its sample payloads, with a README naming where they come from', () => {
    for (const tool of webhookTools) {
      const fixtures = join(__dirname, tool, 'fixtures');
      expect(existsSync(join(fixtures, 'README.md')), tool).toBe(true);
      expect(readdirSync(fixtures).filter((name) => name.startsWith(`${tool}.`) && name.endsWith('.json')).length, tool).toBeGreaterThan(0);
    }
  });

  it('is where the receiver, the translators, the pull sync and the tools check find their tools', () => {
    const receivers = webhookReceivers(loadConfig({ NODE_ENV: 'test', ...secretEnv() }).webhooks);
    expect(Object.keys(receivers).sort()).toEqual([...webhookTools].sort());
    expect(Object.keys(translators).sort()).toEqual([...webhookTools].sort());
    expect(configuredSyncTools).toEqual(['plane', 'invoiceninja', 'xero', 'chatwoot', 'mautic']);
    expect(syncTools).toEqual(configuredSyncTools);
    expect(probedTools).toEqual(['plane', 'invoiceninja', 'xero', 'chatwoot', 'mautic', 'nextcloud']);
    expect(headerSecretTools).toEqual(['invoiceninja', 'nextcloud']);
    expect(receivers.invoiceninja.secretHeaders).toEqual(['x-zixly-secret']);
  });
});
