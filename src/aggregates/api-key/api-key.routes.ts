import type { CommandRoutes } from '../command-route';
import type { ApiKeyCommand } from './api-key.commands';
import { apiKeyDecider, apiKeyStream } from './api-key.decider';

/** API keys, one `ApiKey-<keyId>` stream per key. */
export const apiKeyRoutes: CommandRoutes<ApiKeyCommand> = {
  CreateApiKey: { decider: apiKeyDecider, streamOf: (command) => apiKeyStream(command.data.keyId) },
  RevokeApiKey: { decider: apiKeyDecider, streamOf: (command) => apiKeyStream(command.data.keyId) },
};
