import { loadConfig } from '../../config';
import { translators } from '../../ingest/translators';
import { webhookReceivers } from '../../ingest/receiver/webhook-tools';
import { secretEnv } from '../../testing/ingest/ingest.fixtures';

/** The receiver's per-tool splitting and the worker's translators, as the product configures them. */
export const ingestTools = Object.assign(webhookReceivers(loadConfig({ NODE_ENV: 'test', ...secretEnv() }).webhooks), { translators });
