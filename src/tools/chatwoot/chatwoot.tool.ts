import { signedPost } from '../../ingest/receiver/tool-ingest';
import type { ToolParts } from '../shared/tool-parts';
import { ChatwootClient } from './chatwoot.client';
import { readChatwootConfig, type ChatwootConfig } from './chatwoot.config';
import { chatwootDeliveries } from './chatwoot.dedupe';
import { chatwootProbe } from './chatwoot.probe';
import { verifyChatwoot } from './chatwoot.signature';
import { ChatwootSyncSource } from './chatwoot.sync-source';
import { translateChatwoot } from './chatwoot.translate';

/** Chatwoot: signed webhooks (conversations, messages, CSAT), conversations pulled. */
export const chatwootTool = {
  config: readChatwootConfig,
  client: (config, http) => new ChatwootClient(config, http),
  webhooks: {
    secretIn: 'signature',
    receiver: () => ({ ...signedPost, verify: verifyChatwoot, split: chatwootDeliveries, secretHeaders: ['x-chatwoot-signature'] }),
    translate: translateChatwoot,
  },
  sync: { intervalSeconds: 300, source: (config, http) => new ChatwootSyncSource(new ChatwootClient(config, http)) },
  probe: (client) => chatwootProbe(client),
} satisfies ToolParts<ChatwootConfig, ChatwootClient>;
